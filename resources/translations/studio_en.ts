<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="en_US">
<context>
    <name>AppStatus</name>
    <message numerus="yes">
        <source>Synced · %n new</source>
        <translation>
            <numerusform>Synced · %Ln new</numerusform>
            <numerusform>Synced · %Ln new</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CharacterPicker</name>
    <message numerus="yes">
        <source>You can use up to %n characters here; deselect one to pick another.</source>
        <translation>
            <numerusform>You can use one character here; deselect it to pick another.</numerusform>
            <numerusform>You can use up to %Ln characters here; deselect one to pick another.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters chosen, the most this allows.</source>
        <translation>
            <numerusform>One character chosen, the most this allows.</numerusform>
            <numerusform>%Ln characters chosen, the most this allows.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CharactersPage</name>
    <message numerus="yes">
        <source>%1 · %Ln images</source>
        <translation>
            <numerusform>%1 · %Ln image</numerusform>
            <numerusform>%1 · %Ln images</numerusform>
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
            <numerusform>Synced %1 records in %Ln request (%2 new, %3 changed, %4 gone) in %5 s.</numerusform>
            <numerusform>Synced %1 records in %Ln requests (%2 new, %3 changed, %4 gone) in %5 s.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  (%n images)</source>
        <translation>
            <numerusform>%1  %2  (%Ln image)</numerusform>
            <numerusform>%1  %2  (%Ln images)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n matching records</source>
        <translation>
            <numerusform>%1 of %Ln matching record</numerusform>
            <numerusform>%1 of %Ln matching records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n records and %1 images to %2</source>
        <translation>
            <numerusform>Exported %Ln record and %1 images to %2</numerusform>
            <numerusform>Exported %Ln records and %1 images to %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n records to %1</source>
        <translation>
            <numerusform>Exported %Ln record to %1</numerusform>
            <numerusform>Exported %Ln records to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Images: %n downloaded, %1 already here, %2 gone from the server, %3 not downloaded.</source>
        <translation>
            <numerusform>Images: %Ln downloaded, %1 already here, %2 gone from the server, %3 not downloaded.</numerusform>
            <numerusform>Images: %Ln downloaded, %1 already here, %2 gone from the server, %3 not downloaded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ComposerPanel</name>
    <message numerus="yes">
        <source>You have %n stars; this needs %1.</source>
        <translation>
            <numerusform>You have %Ln star; this needs %1.</numerusform>
            <numerusform>You have %Ln stars; this needs %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DataSize</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%Ln byte</numerusform>
            <numerusform>%Ln bytes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ExportImageFetch</name>
    <message numerus="yes">
        <source>%n gone from the server</source>
        <translation>
            <numerusform>%Ln gone from the server</numerusform>
            <numerusform>%Ln gone from the server</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not downloaded because the server could not be reached</source>
        <translation>
            <numerusform>%Ln not downloaded because the server could not be reached</numerusform>
            <numerusform>%Ln not downloaded because the server could not be reached</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not downloaded (the server refused or failed; try again later)</source>
        <translation>
            <numerusform>%Ln not downloaded (the server refused or failed; try again later)</numerusform>
            <numerusform>%Ln not downloaded (the server refused or failed; try again later)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images could not be included: %1.</source>
        <translation>
            <numerusform>%Ln image could not be included: %1.</numerusform>
            <numerusform>%Ln images could not be included: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GalleryFilterBar</name>
    <message numerus="yes">
        <source>%Ln images</source>
        <translation>
            <numerusform>%Ln image</numerusform>
            <numerusform>%Ln images</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GalleryPage</name>
    <message numerus="yes">
        <source>%n images hidden on this computer.</source>
        <translation>
            <numerusform>Hidden on this computer.</numerusform>
            <numerusform>%Ln images hidden on this computer.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Copied %n images.</source>
        <translation>
            <numerusform>Copied %Ln image.</numerusform>
            <numerusform>Copied %Ln images.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message numerus="yes">
        <source>%n jobs</source>
        <translation>
            <numerusform>%Ln job</numerusform>
            <numerusform>%Ln jobs</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaskEditor</name>
    <message numerus="yes">
        <source>Zoom %1% · %n steps to undo</source>
        <translation>
            <numerusform>Zoom %1% · %Ln step to undo</numerusform>
            <numerusform>Zoom %1% · %Ln steps to undo</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message numerus="yes">
        <source>The server is limiting how often it can be asked. Wait %n s; queued work resumes by itself.</source>
        <translation>
            <numerusform>The server is limiting how often it can be asked. Wait %Ln s; queued work resumes by itself.</numerusform>
            <numerusform>The server is limiting how often it can be asked. Wait %Ln s; queued work resumes by itself.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>At most 5 images can go with one job; remove %n.</source>
        <translation>
            <numerusform>At most 5 images can go with one job; remove %Ln.</numerusform>
            <numerusform>At most 5 images can go with one job; remove %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n favourites</source>
        <translation>
            <numerusform>%Ln favourite</numerusform>
            <numerusform>%Ln favourites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden images</source>
        <translation>
            <numerusform>%Ln hidden image</numerusform>
            <numerusform>%Ln hidden images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jobs</source>
        <translation>
            <numerusform>%Ln job</numerusform>
            <numerusform>%Ln jobs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n links to images on this computer</source>
        <translation>
            <numerusform>%Ln link to an image on this computer</numerusform>
            <numerusform>%Ln links to images on this computer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>With a marked area its highlighted copy goes too, so at most 4 images can be attached; remove %n.</source>
        <translation>
            <numerusform>With a marked area its highlighted copy goes too, so at most 4 images can be attached; remove %Ln.</numerusform>
            <numerusform>With a marked area its highlighted copy goes too, so at most 4 images can be attached; remove %Ln.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MirrorStatus</name>
    <message numerus="yes">
        <source>Saved for offline · all %n images</source>
        <translation>
            <numerusform>Saved for offline · the one image</numerusform>
            <numerusform>Saved for offline · all %Ln images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keeping thumbnails for offline · %n made</source>
        <translation>
            <numerusform>Keeping thumbnails for offline · %Ln made</numerusform>
            <numerusform>Keeping thumbnails for offline · %Ln made</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>Exported %n images and %1 to %2.</source>
        <translation>
            <numerusform>Exported %Ln image and %1 to %2.</numerusform>
            <numerusform>Exported %Ln images and %1 to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them had no image on this computer yet.</source>
        <translation>
            <numerusform>One of them had no image on this computer yet.</numerusform>
            <numerusform>%Ln of them had no image on this computer yet.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n from &amp;favourites</source>
        <translation>
            <numerusform>Remove from &amp;favourites</numerusform>
            <numerusform>Remove %Ln from &amp;favourites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n to &amp;favourites</source>
        <translation>
            <numerusform>Add to &amp;favourites</numerusform>
            <numerusform>Add %Ln to &amp;favourites</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Export %n images…</source>
        <translation>
            <numerusform>&amp;Export with its record…</numerusform>
            <numerusform>&amp;Export %Ln images…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Hide %n on this computer</source>
        <translation>
            <numerusform>&amp;Hide on this computer</numerusform>
            <numerusform>&amp;Hide %Ln on this computer</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReferenceStrip</name>
    <message numerus="yes">
        <source>You can attach up to %n images; remove one to add another.</source>
        <translation>
            <numerusform>You can attach one image; remove it to add another.</numerusform>
            <numerusform>You can attach up to %Ln images; remove one to add another.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message numerus="yes">
        <source>Images %1 (%n file(s)) · thumbnails %2
%3 free on this disk</source>
        <translation>
            <numerusform>Images %1 (%Ln file) · thumbnails %2
%3 free on this disk</numerusform>
            <numerusform>Images %1 (%Ln files) · thumbnails %2
%3 free on this disk</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Images %1 (%n file(s)) · thumbnails %2</source>
        <translation>
            <numerusform>Images %1 (%Ln file) · thumbnails %2</numerusform>
            <numerusform>Images %1 (%Ln files) · thumbnails %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>StylePicker</name>
    <message numerus="yes">
        <source>%n style(s)</source>
        <translation>
            <numerusform>%Ln style</numerusform>
            <numerusform>%Ln styles</numerusform>
        </translation>
    </message>
</context>
</TS>
