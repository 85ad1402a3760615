<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- English plural forms only: the sources are the English plural; without this catalogue
     n = 1 would read "1 jobs". Hand-kept and small: add a row when a %n source says its
     singular in other words. Compiled by lrelease (qt_add_lrelease in ui/ and app/cli/). -->
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>CharacterPicker</name>
    <message numerus="yes">
        <source>You can use up to %n characters here; deselect one to pick another.</source>
        <translation>
            <numerusform>You can use one character here; deselect it to pick another.</numerusform>
            <numerusform>You can use up to %n characters here; deselect one to pick another.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters chosen, the most this allows.</source>
        <translation>
            <numerusform>One character chosen, the most this allows.</numerusform>
            <numerusform>%n characters chosen, the most this allows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message numerus="yes">
        <source>nanobanana-cli: Could not reach the server at %1. Jobs %2 stay in the profile; `nanobanana-cli wait` resumes them when the server answers again.</source>
        <translation>
            <numerusform>nanobanana-cli: Could not reach the server at %1. Job %2 stays in the profile; `nanobanana-cli wait` resumes it when the server answers again.</numerusform>
            <numerusform>nanobanana-cli: Could not reach the server at %1. Jobs %2 stay in the profile; `nanobanana-cli wait` resumes them when the server answers again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Synced %1 records in %n requests (%2 new, %3 changed, %4 gone) in %5 s.</source>
        <translation>
            <numerusform>Synced %1 records in %n request (%2 new, %3 changed, %4 gone) in %5 s.</numerusform>
            <numerusform>Synced %1 records in %n requests (%2 new, %3 changed, %4 gone) in %5 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  (%n images)</source>
        <translation>
            <numerusform>%1  %2  (%n image)</numerusform>
            <numerusform>%1  %2  (%n images)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n matching records</source>
        <translation>
            <numerusform>%1 of %n matching record</numerusform>
            <numerusform>%1 of %n matching records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n records and %1 images to %2</source>
        <translation>
            <numerusform>Exported %n record and %1 images to %2</numerusform>
            <numerusform>Exported %n records and %1 images to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n records to %1</source>
        <translation>
            <numerusform>Exported %n record to %1</numerusform>
            <numerusform>Exported %n records to %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposerPanel</name>
    <message numerus="yes">
        <source>You have %n stars; this needs %1.</source>
        <translation>
            <numerusform>You have %n star; this needs %1.</numerusform>
            <numerusform>You have %n stars; this needs %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GalleryPage</name>
    <message numerus="yes">
        <source>%n images hidden on this computer.</source>
        <translation>
            <numerusform>Hidden on this computer.</numerusform>
            <numerusform>%n images hidden on this computer.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message numerus="yes">
        <source>%n jobs</source>
        <translation>
            <numerusform>%n job</numerusform>
            <numerusform>%n jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>Exported %n images and %1 to %2.</source>
        <translation>
            <numerusform>Exported %n image and %1 to %2.</numerusform>
            <numerusform>Exported %n images and %1 to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferenceStrip</name>
    <message numerus="yes">
        <source>You can attach up to %n images; remove one to add another.</source>
        <translation>
            <numerusform>You can attach one image; remove it to add another.</numerusform>
            <numerusform>You can attach up to %n images; remove one to add another.</numerusform>
        </translation>
    </message>
</context>
</TS>
