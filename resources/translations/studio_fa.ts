<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR">
<context>
    <name>AccessibleItems</name>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Show menu</source>
        <translation>نمایش منو</translation>
    </message>
    <message>
        <source>Opens this item</source>
        <translation>این مورد را باز می‌کند</translation>
    </message>
    <message>
        <source>Shows the actions for this item</source>
        <translation>گزینه‌های این مورد را نشان می‌دهد</translation>
    </message>
</context>
<context>
    <name>AppStatus</name>
    <message>
        <source>Connecting…</source>
        <translation>در حال اتصال…</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>برخط</translation>
    </message>
    <message>
        <source>Offline · retrying in %1 s</source>
        <translation>آفلاین · تلاش دوباره پس از %L1 ثانیه</translation>
    </message>
    <message>
        <source>Offline · retrying…</source>
        <translation>آفلاین · تلاش دوباره…</translation>
    </message>
    <message>
        <source>Rate limited · resuming in %1 s</source>
        <translation>محدودیت درخواست · ادامه پس از %L1 ثانیه</translation>
    </message>
    <message>
        <source>Signed out</source>
        <translation>خارج شده</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>دوباره وارد شوید</translation>
    </message>
    <message>
        <source>Syncing %1 of %2…</source>
        <translation>همگام‌سازی %L1 از %L2…</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>همگام‌سازی…</translation>
    </message>
    <message>
        <source>%1 ★</source>
        <translation>%L1 ★</translation>
    </message>
    <message numerus="yes">
        <source>Synced · %n new</source>
        <translation>
            <numerusform>همگام شد · %Ln مورد تازه</numerusform>
        </translation>
    </message>
    <message>
        <source>Synced</source>
        <translation>همگام شد</translation>
    </message>
    <message>
        <source>Not synced (offline)</source>
        <translation>همگام نشد (آفلاین)</translation>
    </message>
    <message>
        <source>Sync failed</source>
        <translation>همگام‌سازی ناموفق بود</translation>
    </message>
</context>
<context>
    <name>AspectRatioPicker</name>
    <message>
        <source>Aspect ratio %1</source>
        <translation>نسبت ابعاد %1</translation>
    </message>
    <message>
        <source>Aspect ratio</source>
        <translation>نسبت ابعاد</translation>
    </message>
    <message>
        <source>Match image</source>
        <translation>مطابق تصویر</translation>
    </message>
    <message>
        <source>%1, matches the image</source>
        <translation>%1، مطابق تصویر</translation>
    </message>
</context>
<context>
    <name>BackendClient</name>
    <message>
        <source>user not found</source>
        <translation>کاربر پیدا نشد</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Message</source>
        <translation>پیام</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Dismiss message</source>
        <translation>بستن پیام</translation>
    </message>
    <message>
        <source>Act on this message</source>
        <translation>اقدام دربارهٔ این پیام</translation>
    </message>
</context>
<context>
    <name>BusyIndicator</name>
    <message>
        <source>Working</source>
        <translation>در حال انجام</translation>
    </message>
</context>
<context>
    <name>CharacterEditor</name>
    <message>
        <source>Add images…</source>
        <translation>افزودن تصویر…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>New character</source>
        <translation>شخصیت تازه</translation>
    </message>
    <message>
        <source>e.g. Captain Banana</source>
        <translation>مثلاً ناخدا موزی</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>ساختن</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>نام (&amp;N)</translation>
    </message>
    <message>
        <source>Pick %1 to %2 clear pictures of the same person or thing.</source>
        <translation>%L1 تا %L2 تصویر واضح از یک آدم یا چیز انتخاب کنید.</translation>
    </message>
    <message>
        <source>Give the character a name.</source>
        <translation>برای شخصیت نامی بگذارید.</translation>
    </message>
    <message>
        <source>Add at least %1 images (%2 so far).</source>
        <translation>دست‌کم %L1 تصویر بیفزایید (تا اینجا %L2).</translation>
    </message>
    <message>
        <source>%1 (a character has at most %2 images)</source>
        <translation>%1 (هر شخصیت حداکثر %L2 تصویر دارد)</translation>
    </message>
    <message>
        <source>%1 (not an image)</source>
        <translation>%1 (تصویر نیست)</translation>
    </message>
    <message>
        <source>Not added: %1.</source>
        <translation>افزوده نشد: %1.</translation>
    </message>
    <message>
        <source>Images of the character</source>
        <translation>تصویرهای شخصیت</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.webp)</source>
        <translation>تصویرها (*.png *.jpg *.jpeg *.webp)</translation>
    </message>
</context>
<context>
    <name>CharacterPicker</name>
    <message>
        <source>No characters yet. Create one to keep a person or mascot consistent across images.</source>
        <translation>هنوز شخصیتی ندارید. یکی بسازید تا یک آدم یا نماد در همهٔ تصویرها یکسان بماند.</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>شخصیت‌ها</translation>
    </message>
    <message>
        <source>Unnamed</source>
        <translation>بی‌نام</translation>
    </message>
    <message>
        <source>Character %1</source>
        <translation>شخصیت %1</translation>
    </message>
    <message>
        <source>Use %1 in this image</source>
        <translation>استفاده از %1 در این تصویر</translation>
    </message>
    <message numerus="yes">
        <source>You can use up to %n characters here; deselect one to pick another.</source>
        <translation>
            <numerusform>این‌جا حداکثر %Ln شخصیت می‌توانید به کار ببرید؛ برای انتخاب دیگری، یکی را بردارید.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n characters chosen, the most this allows.</source>
        <translation>
            <numerusform>%Ln شخصیت انتخاب شد، بیشترین تعداد مجاز.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Use in this image</source>
        <translation>استفاده در این تصویر (&amp;U)</translation>
    </message>
</context>
<context>
    <name>CharactersPage</name>
    <message>
        <source>No characters yet. A character is a person or thing you want to see again in your images: give it a name and 3 to 5 pictures.</source>
        <translation>هنوز شخصیتی ندارید. شخصیت آدم یا چیزی است که می‌خواهید دوباره در تصویرهایتان ببینید: نامی به آن بدهید و ۳ تا ۵ تصویر.</translation>
    </message>
    <message>
        <source>New character…</source>
        <translation>شخصیت تازه…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>تغییر نام…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>تازه‌سازی</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>شخصیت‌ها</translation>
    </message>
    <message>
        <source>Loading characters…</source>
        <translation>در حال بارگیری شخصیت‌ها…</translation>
    </message>
    <message>
        <source>Could not load your characters.</source>
        <translation>شخصیت‌هایتان بارگیری نشد.</translation>
    </message>
    <message>
        <source>Could not keep your characters on this computer.</source>
        <translation>شخصیت‌هایتان روی این رایانه نگه داشته نشد.</translation>
    </message>
    <message>
        <source>Creating %1…</source>
        <translation>در حال ساختن %1…</translation>
    </message>
    <message>
        <source>Could not read the images of %1.</source>
        <translation>تصویرهای %1 خوانده نشد.</translation>
    </message>
    <message>
        <source>Could not create %1.</source>
        <translation>%1 ساخته نشد.</translation>
    </message>
    <message>
        <source>Created %1.</source>
        <translation>%1 ساخته شد.</translation>
    </message>
    <message>
        <source>Renaming…</source>
        <translation>در حال تغییر نام…</translation>
    </message>
    <message>
        <source>Could not rename the character to %1.</source>
        <translation>نام شخصیت به %1 تغییر نکرد.</translation>
    </message>
    <message>
        <source>Deleting…</source>
        <translation>در حال حذف…</translation>
    </message>
    <message>
        <source>Could not delete the character.</source>
        <translation>شخصیت حذف نشد.</translation>
    </message>
    <message>
        <source>Rename character</source>
        <translation>تغییر نام شخصیت</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>نام تازه:</translation>
    </message>
    <message>
        <source>Delete character</source>
        <translation>حذف شخصیت</translation>
    </message>
    <message>
        <source>Delete %1 from your account? Images made with it stay in your gallery.</source>
        <translation>%1 از حسابتان حذف شود؟ تصویرهایی که با آن ساخته‌اید در گالری می‌مانند.</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>تغییر نام</translation>
    </message>
    <message>
        <source>Gives this character another name</source>
        <translation>نام دیگری به این شخصیت می‌دهد</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>تغییر نام (&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>حذف (&amp;D)</translation>
    </message>
    <message numerus="yes">
        <source>%1 · %Ln images</source>
        <translation>
            <numerusform>%1 · %Ln تصویر</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>aspect ratio: 1:1 2:3 3:2 3:4 4:3 4:5 5:4 9:16 16:9 21:9</source>
        <translation>نسبت ابعاد: 1:1 2:3 3:2 3:4 4:3 4:5 5:4 9:16 16:9 21:9</translation>
    </message>
    <message>
        <source>output resolution (1K and 2K cost 10 stars, 4K 20)</source>
        <translation>وضوح خروجی (1K و 2K ده ستاره، 4K بیست ستاره)</translation>
    </message>
    <message>
        <source>a reference image (up to 5 images in all)</source>
        <translation>یک تصویر مرجع (روی هم حداکثر ۵ تصویر)</translation>
    </message>
    <message>
        <source>use a character&apos;s images (see `characters`)</source>
        <translation>به کار بردن تصویرهای یک شخصیت (نگاه کنید به `characters`)</translation>
    </message>
    <message>
        <source>a style template id</source>
        <translation>شناسهٔ یک الگوی سبک</translation>
    </message>
    <message>
        <source>block until the job is done and save the image</source>
        <translation>صبر تا پایان کار و ذخیرهٔ تصویر</translation>
    </message>
    <message>
        <source>with --wait: where to save the image (default: .)</source>
        <translation>با --wait: جای ذخیرهٔ تصویر (پیش‌فرض: .)</translation>
    </message>
    <message>
        <source>the backend origin (or NANOBANANA_SERVER; remembered per profile)</source>
        <translation>نشانی سرور (یا NANOBANANA_SERVER؛ برای هر پروفایل به خاطر سپرده می‌شود)</translation>
    </message>
    <message>
        <source>the profile folder (or NANOBANANA_PROFILE)</source>
        <translation>پوشهٔ پروفایل (یا NANOBANANA_PROFILE)</translation>
    </message>
    <message>
        <source>print one JSON document on stdout</source>
        <translation>چاپ یک سند JSON در stdout</translation>
    </message>
    <message>
        <source>show this help</source>
        <translation>نمایش این راهنما</translation>
    </message>
    <message>
        <source>show the version</source>
        <translation>نمایش نسخه</translation>
    </message>
    <message>
        <source>sign in with a phone number (code from --code or stdin) or a token</source>
        <translation>ورود با شمارهٔ تلفن (کد از --code یا stdin) یا با توکن</translation>
    </message>
    <message>
        <source>phone number, e.g. +15550001111</source>
        <translation>شمارهٔ تلفن، مثلاً +989121234567</translation>
    </message>
    <message>
        <source>the 6-digit code (read from stdin when absent)</source>
        <translation>کد ۶ رقمی (اگر داده نشود از stdin خوانده می‌شود)</translation>
    </message>
    <message>
        <source>an access token obtained elsewhere</source>
        <translation>توکن دسترسی که از جای دیگری گرفته‌اید</translation>
    </message>
    <message>
        <source>forget the stored token</source>
        <translation>فراموش کردن توکن ذخیره‌شده</translation>
    </message>
    <message>
        <source>show the user and the star balance</source>
        <translation>نمایش کاربر و موجودی ستاره</translation>
    </message>
    <message>
        <source>queue a generation</source>
        <translation>افزودن یک ساخت تصویر به صف</translation>
    </message>
    <message>
        <source>queue an edit of one or more images</source>
        <translation>افزودن ویرایش یک یا چند تصویر به صف</translation>
    </message>
    <message>
        <source>an image to edit (at least one)</source>
        <translation>تصویری برای ویرایش (دست‌کم یکی)</translation>
    </message>
    <message>
        <source>list the jobs of this profile</source>
        <translation>فهرست کارهای این پروفایل</translation>
    </message>
    <message>
        <source>include finished jobs</source>
        <translation>همراه با کارهای تمام‌شده</translation>
    </message>
    <message>
        <source>at most N jobs</source>
        <translation>حداکثر N کار</translation>
    </message>
    <message>
        <source>wait for jobs (default: all unfinished) and save their images</source>
        <translation>صبر برای کارها (پیش‌فرض: همهٔ کارهای ناتمام) و ذخیرهٔ تصویرهایشان</translation>
    </message>
    <message>
        <source>where to save the images (default: .)</source>
        <translation>جای ذخیرهٔ تصویرها (پیش‌فرض: .)</translation>
    </message>
    <message>
        <source>stop tracking a job (the server may still finish and charge it)</source>
        <translation>دنبال نکردن یک کار (سرور ممکن است آن را تمام کند و هزینه‌اش را بگیرد)</translation>
    </message>
    <message>
        <source>send a failed or cancelled job again</source>
        <translation>فرستادن دوبارهٔ یک کار ناموفق یا لغوشده</translation>
    </message>
    <message>
        <source>wait for it</source>
        <translation>صبر برای آن</translation>
    </message>
    <message>
        <source>where to save the image</source>
        <translation>جای ذخیرهٔ تصویر</translation>
    </message>
    <message>
        <source>mirror the history from the server</source>
        <translation>همگام‌سازی تاریخچه از سرور</translation>
    </message>
    <message>
        <source>page through the whole history again</source>
        <translation>خواندن دوبارهٔ همهٔ تاریخچه از اول</translation>
    </message>
    <message>
        <source>query the local history (works offline)</source>
        <translation>جست‌وجو در تاریخچهٔ محلی (بدون اینترنت هم کار می‌کند)</translation>
    </message>
    <message>
        <source>pending, completed or failed</source>
        <translation>pending (در جریان)، completed (تمام‌شده) یا failed (ناموفق)</translation>
    </message>
    <message>
        <source>generate, edit or other</source>
        <translation>generate (ساخت)، edit (ویرایش) یا other (دیگر)</translation>
    </message>
    <message>
        <source>words of the prompt (prefixes match)</source>
        <translation>واژه‌های پرامپت (آغاز واژه هم پیدا می‌شود)</translation>
    </message>
    <message>
        <source>favourites only</source>
        <translation>فقط برگزیده‌ها</translation>
    </message>
    <message>
        <source>include hidden records</source>
        <translation>همراه با رکوردهای پنهان</translation>
    </message>
    <message>
        <source>oldest first</source>
        <translation>قدیمی‌ترین اول</translation>
    </message>
    <message>
        <source>at most N records (default 50)</source>
        <translation>حداکثر N رکورد (پیش‌فرض ۵۰)</translation>
    </message>
    <message>
        <source>one history record</source>
        <translation>یک رکورد تاریخچه</translation>
    </message>
    <message>
        <source>mark a record as favourite</source>
        <translation>نشان‌دار کردن یک رکورد به عنوان برگزیده</translation>
    </message>
    <message>
        <source>remove the mark</source>
        <translation>برداشتن نشان</translation>
    </message>
    <message>
        <source>hide a record locally (the server keeps it)</source>
        <translation>پنهان کردن یک رکورد روی این رایانه (روی سرور می‌ماند)</translation>
    </message>
    <message>
        <source>show it again</source>
        <translation>نمایش دوبارهٔ آن</translation>
    </message>
    <message>
        <source>export the history&apos;s metadata (and images)</source>
        <translation>خروجی گرفتن از اطلاعات تاریخچه (و تصویرها)</translation>
    </message>
    <message>
        <source>metadata format (default json)</source>
        <translation>قالب اطلاعات (پیش‌فرض json)</translation>
    </message>
    <message>
        <source>list characters</source>
        <translation>فهرست شخصیت‌ها</translation>
    </message>
    <message>
        <source>unknown command &apos;%1&apos;</source>
        <translation>فرمان ناشناخته «%1»</translation>
    </message>
    <message>
        <source>&apos;%1&apos; has no option --%2</source>
        <translation>«%1» گزینهٔ --%2 ندارد</translation>
    </message>
    <message>
        <source>unknown option --%1</source>
        <translation>گزینهٔ ناشناخته --%1</translation>
    </message>
    <message>
        <source>--%1 takes no value</source>
        <translation>--%1 مقداری نمی‌گیرد</translation>
    </message>
    <message>
        <source>--%1 needs a value (%2)</source>
        <translation>--%1 مقدار می‌خواهد (%2)</translation>
    </message>
    <message>
        <source>--%1 given twice</source>
        <translation>--%1 دو بار داده شده است</translation>
    </message>
    <message>
        <source>no command given</source>
        <translation>فرمانی داده نشده است</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no arguments</source>
        <translation>«%1» آرگومانی نمی‌گیرد</translation>
    </message>
    <message>
        <source>usage: nanobanana-cli %1 %2</source>
        <translation>کاربرد: nanobanana-cli %1 %2</translation>
    </message>
    <message>
        <source>usage: nanobanana-cli [global options] %1%2%3
%4.
</source>
        <translation>کاربرد: nanobanana-cli [گزینه‌های عمومی] %1%2%3
%4.
</translation>
    </message>
    <message>
        <source> (repeatable)</source>
        <translation> (تکرارپذیر)</translation>
    </message>
    <message>
        <source>usage: nanobanana-cli [--server URL] [--profile DIR] [--json] COMMAND [ARGS]

NanoBanana Studio from the command line: sign in, generate and edit images, follow jobs, mirror and query your history.

commands:
</source>
        <translation>کاربرد: nanobanana-cli [--server URL] [--profile DIR] [--json] COMMAND [ARGS]

نانوبنانا استودیو در خط فرمان: ورود، ساخت و ویرایش تصویر، پیگیری کارها، همگام‌سازی و جست‌وجوی تاریخچه.

فرمان‌ها:
</translation>
    </message>
    <message>
        <source>
global options:
</source>
        <translation>
گزینه‌های عمومی:
</translation>
    </message>
    <message>
        <source>
`nanobanana-cli COMMAND --help` shows a command&apos;s options.
exit codes: 0 ok, 1 usage, 2 network or server error, 3 sign-in needed, 4 job failed.
Progress goes to stderr; results to stdout (--json: one JSON document).
</source>
        <translation>
`nanobanana-cli COMMAND --help` گزینه‌های هر فرمان را نشان می‌دهد.
کدهای خروج: 0 موفق، 1 کاربرد نادرست، 2 خطای شبکه یا سرور، 3 نیاز به ورود، 4 کار ناموفق.
پیشرفت کار در stderr و نتیجه در stdout نوشته می‌شود (--json: یک سند JSON).
</translation>
    </message>
    <message>
        <source>You are not signed in to %1. Run `nanobanana-cli login --phone NUMBER` (or `login --token TOKEN`) first.</source>
        <translation>به %1 وارد نشده‌اید. اول `nanobanana-cli login --phone NUMBER` (یا `login --token TOKEN`) را اجرا کنید.</translation>
    </message>
    <message>
        <source>--status takes pending, completed or failed, not &apos;%1&apos;.</source>
        <translation>--status یکی از pending، completed یا failed را می‌پذیرد، نه «%1».</translation>
    </message>
    <message>
        <source>--type takes generate, edit or other, not &apos;%1&apos;.</source>
        <translation>--type یکی از generate، edit یا other را می‌پذیرد، نه «%1».</translation>
    </message>
    <message>
        <source>--limit takes a positive number.</source>
        <translation>--limit یک عدد مثبت می‌خواهد.</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n matching records</source>
        <translation>
            <numerusform>%L1 از %Ln رکورد مطابق</numerusform>
        </translation>
    </message>
    <message>
        <source>No record %1 in the local history; run `nanobanana-cli sync` if it is new.</source>
        <translation>رکورد %1 در تاریخچهٔ محلی نیست؛ اگر تازه است `nanobanana-cli sync` را اجرا کنید.</translation>
    </message>
    <message>
        <source>id:          %1
prompt:      %2
type:        %3 (%4)
status:      %5
created:     %6
</source>
        <translation>شناسه:      %1
پرامپت:     %2
نوع:        %3 (%4)
وضعیت:      %5
ساخته‌شده:  %6
</translation>
    </message>
    <message>
        <source>(not on the server yet)</source>
        <translation>(هنوز روی سرور نیست)</translation>
    </message>
    <message>
        <source>completed:   %1
</source>
        <translation>پایان:       %1
</translation>
    </message>
    <message>
        <source>error:       %1
</source>
        <translation>خطا:        %1
</translation>
    </message>
    <message>
        <source>image:       %1
</source>
        <translation>تصویر:      %1
</translation>
    </message>
    <message>
        <source>file:        %1
</source>
        <translation>پرونده:     %1
</translation>
    </message>
    <message>
        <source>reference:   %1
</source>
        <translation>مرجع:       %1
</translation>
    </message>
    <message>
        <source>favourite:   yes
</source>
        <translation>برگزیده:    بله
</translation>
    </message>
    <message>
        <source>note:        no longer on the server; this is the local copy
</source>
        <translation>یادداشت:    دیگر روی سرور نیست؛ این رونوشت محلی است
</translation>
    </message>
    <message>
        <source>No record %1 in the local history.</source>
        <translation>رکورد %1 در تاریخچهٔ محلی نیست.</translation>
    </message>
    <message>
        <source>is a favourite</source>
        <translation>برگزیده شد</translation>
    </message>
    <message>
        <source>is no longer a favourite</source>
        <translation>دیگر برگزیده نیست</translation>
    </message>
    <message>
        <source>is hidden</source>
        <translation>پنهان شد</translation>
    </message>
    <message>
        <source>is shown again</source>
        <translation>دوباره نمایش داده می‌شود</translation>
    </message>
    <message>
        <source>--format takes json or csv.</source>
        <translation>--format یکی از json یا csv را می‌پذیرد.</translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>پوشهٔ %1 ساخته نشد.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1 نوشته نشد: %2</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n records and %1 images to %2</source>
        <translation>
            <numerusform>خروجی %Ln رکورد و %L1 تصویر در %2 ذخیره شد</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n records to %1</source>
        <translation>
            <numerusform>خروجی %Ln رکورد در %1 ذخیره شد</numerusform>
        </translation>
    </message>
    <message>
        <source>job %1: %2</source>
        <translation>کار %1: %2</translation>
    </message>
    <message>
        <source> (the server said: %1)</source>
        <translation> (پاسخ سرور: %1)</translation>
    </message>
    <message>
        <source>job %1 has no downloaded image yet</source>
        <translation>کار %1 هنوز تصویر دانلودشده ندارد</translation>
    </message>
    <message>
        <source>could not create the folder %1</source>
        <translation>پوشهٔ %1 ساخته نشد</translation>
    </message>
    <message>
        <source>could not write %1</source>
        <translation>%1 نوشته نشد</translation>
    </message>
    <message numerus="yes">
        <source>nanobanana-cli: Could not reach the server at %1. Jobs %2 stay in the profile; `nanobanana-cli wait` resumes them when the server answers again.</source>
        <translation>
            <numerusform>nanobanana-cli: سرور %1 در دسترس نیست. کارهای %2 در پروفایل می‌مانند؛ وقتی سرور دوباره پاسخ دهد، `nanobanana-cli wait` آن‌ها را ادامه می‌دهد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Rate limited by the server; resuming in %1 s.</source>
        <translation>سرور تعداد درخواست‌ها را محدود کرده است؛ ادامه پس از %L1 ثانیه.</translation>
    </message>
    <message>
        <source> - not saved: </source>
        <translation> - ذخیره نشد: </translation>
    </message>
    <message>
        <source>--out saves the finished image, so it needs --wait (or use `nanobanana-cli wait --out DIR` later).</source>
        <translation>--out تصویر تمام‌شده را ذخیره می‌کند، پس به --wait نیاز دارد (یا بعداً از `nanobanana-cli wait --out DIR` استفاده کنید).</translation>
    </message>
    <message>
        <source>An edit needs at least one --image FILE.</source>
        <translation>ویرایش دست‌کم یک --image FILE می‌خواهد.</translation>
    </message>
    <message>
        <source>job %1 queued: %2</source>
        <translation>کار %1 در صف قرار گرفت: %2</translation>
    </message>
    <message>
        <source>No jobs yet.</source>
        <translation>هنوز کاری نیست.</translation>
    </message>
    <message>
        <source>No unfinished jobs.</source>
        <translation>کار ناتمامی نیست.</translation>
    </message>
    <message>
        <source>There is no job %1 in this profile; `nanobanana-cli jobs --all` lists them.</source>
        <translation>کار %1 در این پروفایل نیست؛ `nanobanana-cli jobs --all` فهرست کارها را نشان می‌دهد.</translation>
    </message>
    <message>
        <source>Job %1 is not an unfinished job of this profile; `nanobanana-cli jobs` lists them.</source>
        <translation>کار %1 از کارهای ناتمام این پروفایل نیست؛ `nanobanana-cli jobs` فهرستشان را نشان می‌دهد.</translation>
    </message>
    <message>
        <source>--out saves the finished image, so it needs --wait.</source>
        <translation>--out تصویر تمام‌شده را ذخیره می‌کند، پس به --wait نیاز دارد.</translation>
    </message>
    <message>
        <source>Only a failed or cancelled job can be retried; job %1 is not one.</source>
        <translation>فقط کار ناموفق یا لغوشده را می‌شود دوباره فرستاد؛ کار %1 چنین نیست.</translation>
    </message>
    <message>
        <source>Run `nanobanana-cli --help` for the commands.</source>
        <translation>برای دیدن فرمان‌ها `nanobanana-cli --help` را اجرا کنید.</translation>
    </message>
    <message>
        <source>%1 (%2 stars)</source>
        <translation>%1 (%L2 ستاره)</translation>
    </message>
    <message>
        <source>Give either --phone NUMBER or --token TOKEN.</source>
        <translation>یا --phone NUMBER بدهید یا --token TOKEN.</translation>
    </message>
    <message>
        <source>A code was sent to %1. Type it and press Enter:</source>
        <translation>کدی به %1 فرستاده شد. آن را بنویسید و Enter را بزنید:</translation>
    </message>
    <message>
        <source>No code was entered.</source>
        <translation>کدی وارد نشد.</translation>
    </message>
    <message>
        <source>The server did not accept the code %1 for %2 (%3). Check the code, or run `nanobanana-cli login --phone %2` again for a new one.</source>
        <translation>سرور کد %1 را برای %2 نپذیرفت (%3). کد را بررسی کنید، یا برای کد تازه دوباره `nanobanana-cli login --phone %2` را اجرا کنید.</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2.</source>
        <translation>به %1 با نام %2 وارد شدید.</translation>
    </message>
    <message>
        <source>Signed out. The local history stays in the profile.</source>
        <translation>خارج شدید. تاریخچهٔ محلی در پروفایل می‌ماند.</translation>
    </message>
    <message>
        <source>%1 Showing what this profile last knew.</source>
        <translation>%1 آخرین چیزی که این پروفایل می‌دانست نمایش داده می‌شود.</translation>
    </message>
    <message>
        <source>synced %1 of %2 records</source>
        <translation>%L1 از %L2 رکورد همگام شد</translation>
    </message>
    <message numerus="yes">
        <source>Synced %1 records in %n requests (%2 new, %3 changed, %4 gone) in %5 s.</source>
        <translation>
            <numerusform>%L1 رکورد با %Ln درخواست در %L5 ثانیه همگام شد (%L2 تازه، %L3 تغییرکرده، %L4 حذف‌شده).</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 Showing the characters this profile last saw.</source>
        <translation>%1 شخصیت‌هایی که این پروفایل آخرین بار دیده بود نمایش داده می‌شوند.</translation>
    </message>
    <message numerus="yes">
        <source>%1  %2  (%n images)</source>
        <translation>
            <numerusform>%1  %2  (%Ln تصویر)</numerusform>
        </translation>
    </message>
    <message>
        <source>No characters yet.</source>
        <translation>هنوز شخصیتی نیست.</translation>
    </message>
    <message>
        <source>then download every image not on this computer yet</source>
        <translation>سپس دانلود همهٔ تصویرهایی که هنوز روی این رایانه نیستند</translation>
    </message>
    <message>
        <source>copy the images too, downloading the missing ones first</source>
        <translation>رونوشت تصویرها هم، با دانلود تصویرهای جاافتاده پیش از آن</translation>
    </message>
    <message>
        <source>images: %1 of %2 here</source>
        <translation>تصویرها: %L1 از %L2 روی این رایانه</translation>
    </message>
    <message numerus="yes">
        <source>Images: %n downloaded, %1 already here, %2 gone from the server, %3 not downloaded.</source>
        <translation>
            <numerusform>تصویرها: %Ln دانلود شد، %L1 از پیش این‌جا بود، %L2 دیگر روی سرور نیست، %L3 دانلود نشد.</numerusform>
        </translation>
    </message>
    <message>
        <source>change only the white area of the first image (a brush edit)</source>
        <translation>فقط ناحیهٔ سفید تصویر اول تغییر کند (ویرایش با قلم‌مو)</translation>
    </message>
    <message>
        <source>with --mask: put the rest of the first image back into the result (default)</source>
        <translation>با --mask: بقیهٔ تصویر اول در نتیجه دست‌نخورده بماند (پیش‌فرض)</translation>
    </message>
    <message>
        <source>with --mask: keep the server&apos;s result as it comes</source>
        <translation>با --mask: نتیجهٔ سرور همان‌طور که می‌رسد بماند</translation>
    </message>
    <message>
        <source>Give --keep-unmasked or --no-keep-unmasked, not both.</source>
        <translation>یکی از --keep-unmasked یا --no-keep-unmasked را بدهید، نه هر دو را.</translation>
    </message>
    <message>
        <source>list the style catalogue (ids for --template)</source>
        <translation>فهرست کاتالوگ سبک‌ها (شناسه‌ها برای --template)</translation>
    </message>
    <message>
        <source>%1 Showing the styles this profile last saw.</source>
        <translation>%1 سبک‌هایی که این پروفایل آخرین بار دید نشان داده می‌شوند.</translation>
    </message>
    <message>
        <source>No styles yet.</source>
        <translation>هنوز سبکی نیست.</translation>
    </message>
    <message>
        <source>Made from:   %1  %2  %3
</source>
        <translation>ساخته از:    %1  %2  %3
</translation>
    </message>
    <message>
        <source>Edits:       %1  %2  %3
</source>
        <translation>ویرایش‌ها:   %1  %2  %3
</translation>
    </message>
</context>
<context>
    <name>CliCharacters</name>
    <message>
        <source>There is no character %1 in this account; `nanobanana-cli characters` lists them.</source>
        <translation>شخصیت %1 در این حساب نیست؛ `nanobanana-cli characters` فهرست شخصیت‌ها را نشان می‌دهد.</translation>
    </message>
</context>
<context>
    <name>CliSync</name>
    <message>
        <source>The server no longer accepts your sign-in. Run `nanobanana-cli login` again to sync.</source>
        <translation>سرور دیگر ورود شما را نمی‌پذیرد. برای همگام‌سازی دوباره `nanobanana-cli login` را اجرا کنید.</translation>
    </message>
</context>
<context>
    <name>CompareView</name>
    <message>
        <source>%1 × %2</source>
        <comment>width × height</comment>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>← Back</source>
        <translation>→ بازگشت</translation>
    </message>
    <message>
        <source>Close the comparison (Esc)</source>
        <translation>بستن مقایسه (Esc)</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>کنار هم</translation>
    </message>
    <message>
        <source>Both images next to each other (S)</source>
        <translation>هر دو تصویر کنار هم (S)</translation>
    </message>
    <message>
        <source>Wipe</source>
        <translation>پرده</translation>
    </message>
    <message>
        <source>One image over the other, with a divider to drag (W); move it with Left and Right</source>
        <translation>یک تصویر روی دیگری، با جداکننده‌ای که می‌شود کشید (W)؛ با کلیدهای چپ و راست جابه‌جا می‌شود</translation>
    </message>
    <message>
        <source>Swap</source>
        <translation>جابه‌جایی</translation>
    </message>
    <message>
        <source>Swap the two images (X)</source>
        <translation>جابه‌جا کردن دو تصویر (X)</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>کوچک‌نمایی (-)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>اندازهٔ پنجره</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>هم‌اندازهٔ پنجره</translation>
    </message>
    <message>
        <source>Fit to window (0)</source>
        <translation>هم‌اندازهٔ پنجره (0)</translation>
    </message>
    <message>
        <source>100 %</source>
        <translation>۱۰۰٪</translation>
    </message>
    <message>
        <source>Actual size</source>
        <translation>اندازهٔ واقعی</translation>
    </message>
    <message>
        <source>Actual size (1)</source>
        <translation>اندازهٔ واقعی (1)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>بزرگ‌نمایی (+)</translation>
    </message>
    <message>
        <source>This image cannot be shown: %1</source>
        <translation>این تصویر نمایش‌دادنی نیست: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگیری…</translation>
    </message>
    <message>
        <source>Wipe divider between A and B</source>
        <translation>جداکنندهٔ پرده میان «الف» و «ب»</translation>
    </message>
    <message>
        <source>Comparison, side by side</source>
        <translation>مقایسه، کنار هم</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(بدون پرامپت)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>compare: side title: prompt</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 px</source>
        <comment>an image&apos;s size</comment>
        <translation>%1 پیکسل</translation>
    </message>
    <message>
        <source>%1 scaled to %2</source>
        <comment>B scaled to 1024 × 576</comment>
        <translation>%1 در اندازهٔ %2 نمایش داده می‌شود</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <comment>compare: title: prompt, no picture</comment>
        <translation>%1: %2، %3</translation>
    </message>
    <message>
        <source>%1: %2, %3 pixels</source>
        <comment>compare: title: prompt, size</comment>
        <translation>%1: %2، %3 پیکسل</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>zoom</comment>
        <translation>%1٪</translation>
    </message>
    <message>
        <source>Zoom %1</source>
        <comment>zoom 100 %</comment>
        <translation>اندازهٔ نمایش %1</translation>
    </message>
</context>
<context>
    <name>ComposerPanel</name>
    <message>
        <source>Balance warning</source>
        <translation>هشدار موجودی</translation>
    </message>
    <message>
        <source>&amp;Prompt</source>
        <translation>پرامپت (&amp;P)</translation>
    </message>
    <message>
        <source>C&amp;haracters</source>
        <translation>شخصیت‌ها (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Aspect ratio</source>
        <translation>نسبت ابعاد (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Resolution</source>
        <translation>وضوح (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Images to edit</source>
        <translation>تصویرهای ویرایشی (&amp;I)</translation>
    </message>
    <message>
        <source>R&amp;eference images (optional)</source>
        <translation>تصویرهای مرجع (اختیاری) (&amp;E)</translation>
    </message>
    <message>
        <source>Add the image to edit: drop it here, paste it with Ctrl+V, or use Add images…</source>
        <translation>تصویری را که می‌خواهید ویرایش کنید بیفزایید: این‌جا رها کنید، با Ctrl+V بچسبانید، یا از «افزودن تصویر…» استفاده کنید</translation>
    </message>
    <message>
        <source>Optional: drop images here, paste one with Ctrl+V, or use Add images…</source>
        <translation>اختیاری: تصویرها را این‌جا رها کنید، یکی را با Ctrl+V بچسبانید، یا از «افزودن تصویر…» استفاده کنید</translation>
    </message>
    <message>
        <source>C&amp;haracter (up to 1)</source>
        <translation>شخصیت (حداکثر ۱) (&amp;H)</translation>
    </message>
    <message>
        <source>C&amp;haracters (up to 2)</source>
        <translation>شخصیت‌ها (حداکثر ۲) (&amp;H)</translation>
    </message>
    <message>
        <source>Edit an image</source>
        <translation>ویرایش تصویر</translation>
    </message>
    <message>
        <source>Generate an image</source>
        <translation>ساخت تصویر</translation>
    </message>
    <message>
        <source>Describe the change you want first.</source>
        <translation>اول بنویسید چه تغییری می‌خواهید.</translation>
    </message>
    <message>
        <source>Describe the image you want first.</source>
        <translation>اول بنویسید چه تصویری می‌خواهید.</translation>
    </message>
    <message>
        <source>Attach the image you want to edit first.</source>
        <translation>اول تصویری را که می‌خواهید ویرایش کنید پیوست کنید.</translation>
    </message>
    <message>
        <source>Sending your request…</source>
        <translation>در حال فرستادن درخواست شما…</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>در حال فرستادن…</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>بساز</translation>
    </message>
    <message>
        <source>%1 · %2 ★</source>
        <translation>%1 · %L2 ★</translation>
    </message>
    <message>
        <source>%1 for %2 stars</source>
        <translation>%1 با %L2 ستاره</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message numerus="yes">
        <source>You have %n stars; this needs %1.</source>
        <translation>
            <numerusform>%Ln ستاره دارید؛ این کار %L1 ستاره می‌خواهد.</numerusform>
        </translation>
    </message>
    <message>
        <source>You have %1 stars; this needs %2.</source>
        <translation>%L1 ستاره دارید؛ این کار %L2 ستاره می‌خواهد.</translation>
    </message>
    <message>
        <source>Added to your prompt: %1</source>
        <translation>به پرامپت شما افزوده می‌شود: %1</translation>
    </message>
    <message>
        <source>This image could not be opened for marking: %1</source>
        <translation>این تصویر برای علامت‌گذاری باز نشد: %1</translation>
    </message>
    <message>
        <source>The marked area could not be saved: %1</source>
        <translation>ناحیهٔ علامت‌خورده ذخیره نشد: %1</translation>
    </message>
</context>
<context>
    <name>DataSize</name>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <translation>
            <numerusform>%Ln بایت</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 KB</source>
        <translation>%1 کیلوبایت</translation>
    </message>
    <message>
        <source>%1 MB</source>
        <translation>%1 مگابایت</translation>
    </message>
    <message>
        <source>%1 GB</source>
        <translation>%1 گیگابایت</translation>
    </message>
    <message>
        <source>%1 TB</source>
        <translation>%1 ترابایت</translation>
    </message>
</context>
<context>
    <name>DesktopNotifications</name>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
</context>
<context>
    <name>ExportImageFetch</name>
    <message numerus="yes">
        <source>%n gone from the server</source>
        <translation>
            <numerusform>%Ln تصویر از سرور حذف شده</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not downloaded because the server could not be reached</source>
        <translation>
            <numerusform>%Ln تصویر دانلود نشد چون سرور در دسترس نبود</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not downloaded (the server refused or failed; try again later)</source>
        <translation>
            <numerusform>%Ln تصویر دانلود نشد (سرور نپذیرفت یا خطا داد؛ بعداً دوباره امتحان کنید)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n images could not be included: %1.</source>
        <translation>
            <numerusform>%Ln تصویر در خروجی نیامد: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>GalleryCardItems</name>
    <message>
        <source>being made, favourite</source>
        <translation>در حال ساخت، برگزیده</translation>
    </message>
    <message>
        <source>being made</source>
        <translation>در حال ساخت</translation>
    </message>
    <message>
        <source>failed, favourite</source>
        <translation>ناموفق، برگزیده</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ناموفق</translation>
    </message>
    <message>
        <source>favourite</source>
        <translation>برگزیده</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>card: prompt (state)</comment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Remove from favourites</source>
        <translation>برداشتن از برگزیده‌ها</translation>
    </message>
    <message>
        <source>Add to favourites</source>
        <translation>افزودن به برگزیده‌ها</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>ساخت دوباره</translation>
    </message>
    <message>
        <source>Edit this image</source>
        <translation>ویرایش این تصویر</translation>
    </message>
    <message>
        <source>Use as reference</source>
        <translation>به عنوان مرجع</translation>
    </message>
    <message>
        <source>Hide on this computer</source>
        <translation>پنهان کردن روی این رایانه</translation>
    </message>
    <message>
        <source>Shows this image large, with its record</source>
        <translation>این تصویر را بزرگ و همراه با رکوردش نشان می‌دهد</translation>
    </message>
    <message>
        <source>Takes the star off this image</source>
        <translation>این تصویر را از برگزیده‌ها برمی‌دارد</translation>
    </message>
    <message>
        <source>Stars this image, so the Favourites filter finds it</source>
        <translation>به این تصویر ستاره می‌زند تا فیلتر «برگزیده‌ها» آن را پیدا کند</translation>
    </message>
    <message>
        <source>Fills the form with this image&apos;s prompt and settings</source>
        <translation>فرم را با پرامپت و تنظیمات این تصویر پر می‌کند</translation>
    </message>
    <message>
        <source>Opens the Edit page with this image attached</source>
        <translation>زبانهٔ «ویرایش» را با این تصویر پیوست‌شده باز می‌کند</translation>
    </message>
    <message>
        <source>Attaches this image as a reference for a new one</source>
        <translation>این تصویر را به عنوان مرجع برای تصویری تازه پیوست می‌کند</translation>
    </message>
    <message>
        <source>Hides this image here; it stays in your account</source>
        <translation>این تصویر را این‌جا پنهان می‌کند؛ در حسابتان می‌ماند</translation>
    </message>
    <message>
        <source>The server no longer has this image, and there is no copy on this computer.</source>
        <translation>این تصویر دیگر روی سرور نیست و نسخه‌ای هم روی این رایانه ندارد.</translation>
    </message>
</context>
<context>
    <name>GalleryDelegate</name>
    <message>
        <source>Failed</source>
        <translation>ناموفق</translation>
    </message>
    <message>
        <source>The server gave no reason.</source>
        <translation>سرور دلیلی نگفت.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>در حال ساخت…</translation>
    </message>
    <message>
        <source>This image cannot be shown.</source>
        <translation>این تصویر نمایش‌دادنی نیست.</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>ساخت</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
    <message>
        <source>Gone from the server</source>
        <translation>از سرور حذف شده</translation>
    </message>
    <message>
        <source>(no copy on this computer)</source>
        <translation>(نسخه‌ای روی این رایانه نیست)</translation>
    </message>
</context>
<context>
    <name>GalleryDetail</name>
    <message>
        <source>← Back to gallery</source>
        <translation>→ بازگشت به گالری</translation>
    </message>
    <message>
        <source>Close the detail view (Esc)</source>
        <translation>بستن نمای جزئیات (Esc)</translation>
    </message>
    <message>
        <source>Zoom out (-)</source>
        <translation>کوچک‌نمایی (-)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>اندازهٔ پنجره</translation>
    </message>
    <message>
        <source>Fit to window (0)</source>
        <translation>هم‌اندازهٔ پنجره (0)</translation>
    </message>
    <message>
        <source>Zoom in (+)</source>
        <translation>بزرگ‌نمایی (+)</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>قبل</translation>
    </message>
    <message>
        <source>After</source>
        <translation>بعد</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>پرامپت</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>رونوشت</translation>
    </message>
    <message>
        <source>Copy the prompt to the clipboard</source>
        <translation>رونوشت پرامپت در کلیپ‌بورد</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>خطا</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>ساخته‌شده</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>تمام‌شده</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <source>Characters</source>
        <translation>شخصیت‌ها</translation>
    </message>
    <message>
        <source>References</source>
        <translation>مرجع‌ها</translation>
    </message>
    <message>
        <source>Favourite</source>
        <translation>برگزیده</translation>
    </message>
    <message>
        <source>Star this image (F)</source>
        <translation>ستاره زدن به این تصویر (F)</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>ساخت دوباره</translation>
    </message>
    <message>
        <source>Fill the composer with this prompt and settings</source>
        <translation>پر کردن بخش ساخت با این پرامپت و تنظیمات</translation>
    </message>
    <message>
        <source>Edit this image</source>
        <translation>ویرایش این تصویر</translation>
    </message>
    <message>
        <source>Start an edit from this image</source>
        <translation>آغاز ویرایش از این تصویر</translation>
    </message>
    <message>
        <source>Use as reference</source>
        <translation>به عنوان مرجع</translation>
    </message>
    <message>
        <source>Attach this image to the composer</source>
        <translation>پیوست این تصویر به بخش ساخت</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>ذخیره به نام…</translation>
    </message>
    <message>
        <source>Save a copy of the image</source>
        <translation>ذخیرهٔ رونوشتی از تصویر</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>رونوشت تصویر</translation>
    </message>
    <message>
        <source>Copy the image to the clipboard</source>
        <translation>رونوشت تصویر در کلیپ‌بورد</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>باز کردن پوشه</translation>
    </message>
    <message>
        <source>Show the image&apos;s folder</source>
        <translation>نمایش پوشهٔ تصویر</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>پنهان کردن</translation>
    </message>
    <message>
        <source>Hide this image on this computer (Delete)</source>
        <translation>پنهان کردن این تصویر روی این رایانه (Delete)</translation>
    </message>
    <message>
        <source>(no prompt)</source>
        <translation>(بدون پرامپت)</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>ساخت</translation>
    </message>
    <message>
        <source>Other (%1)</source>
        <translation>دیگر (%1)</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%L1 × %L2 پیکسل</translation>
    </message>
    <message>
        <source>not on this computer yet</source>
        <translation>هنوز روی این رایانه نیست</translation>
    </message>
    <message>
        <source>none</source>
        <translation>هیچ</translation>
    </message>
    <message>
        <source>★ Favourite</source>
        <translation>★ برگزیده</translation>
    </message>
    <message>
        <source>☆ Favourite</source>
        <translation>☆ برگزیده</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>در حال ساخت…</translation>
    </message>
    <message>
        <source>This generation failed: %1</source>
        <translation>این ساخت ناموفق بود: %1</translation>
    </message>
    <message>
        <source>The image is not on this computer yet; it is downloaded when the server can be reached.</source>
        <translation>تصویر هنوز روی این رایانه نیست؛ وقتی سرور در دسترس باشد دانلود می‌شود.</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>باز کردن %1</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>در حال ساخت</translation>
    </message>
    <message>
        <source>Completed (removed from the server; this copy is kept)</source>
        <translation>تمام‌شده (از سرور حذف شده؛ این رونوشت نگه داشته شده است)</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>ناموفق</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>هم‌اندازهٔ پنجره</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Before: %1</source>
        <translation>قبل: %1</translation>
    </message>
    <message>
        <source>Show the server&apos;s own result</source>
        <translation>نمایش نتیجهٔ خود سرور</translation>
    </message>
    <message>
        <source>This brush edit shows the original&apos;s unmarked pixels put back; see what the server sent</source>
        <translation>در این ویرایش با قلم‌مو، بخش‌های علامت‌نخوردهٔ تصویر اصلی برگردانده شده‌اند؛ آنچه سرور فرستاد را ببینید</translation>
    </message>
    <message>
        <source>Show combined</source>
        <translation>نمایش تصویر ترکیبی</translation>
    </message>
    <message>
        <source>Compare with the server&apos;s result</source>
        <translation>مقایسه با نتیجهٔ سرور</translation>
    </message>
    <message>
        <source>The combined image and the server&apos;s, side by side or wiped</source>
        <translation>تصویر ترکیبی و تصویر سرور، کنار هم یا با پرده</translation>
    </message>
</context>
<context>
    <name>GalleryFilterBar</name>
    <message>
        <source>Search prompts (Ctrl+F)</source>
        <translation>جست‌وجوی پرامپت‌ها (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search prompts</source>
        <translation>جست‌وجوی پرامپت‌ها</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>همهٔ وضعیت‌ها</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>تمام‌شده</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>در جریان</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>ناموفق</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>همهٔ نوع‌ها</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>ساخت</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>دیگر</translation>
    </message>
    <message>
        <source>★ Favourites</source>
        <translation>★ برگزیده‌ها</translation>
    </message>
    <message>
        <source>Show only favourites</source>
        <translation>فقط برگزیده‌ها را نشان بده</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>ترتیب</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>تازه‌ترین اول</translation>
    </message>
    <message>
        <source>Oldest first</source>
        <translation>قدیمی‌ترین اول</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>خروجی…</translation>
    </message>
    <message>
        <source>Export the selected images and their records to a folder</source>
        <translation>خروجی گرفتن از تصویرهای انتخاب‌شده و رکوردهایشان در یک پوشه</translation>
    </message>
    <message>
        <source>Show images of this status</source>
        <translation>نمایش تصویرهای این وضعیت</translation>
    </message>
    <message>
        <source>Show images of this type</source>
        <translation>نمایش تصویرهای این نوع</translation>
    </message>
    <message>
        <source>Order of the images</source>
        <translation>ترتیب تصویرها</translation>
    </message>
    <message numerus="yes">
        <source>%Ln images</source>
        <translation>
            <numerusform>%Ln تصویر</numerusform>
        </translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>پاک کردن جست‌وجو</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>مقایسه</translation>
    </message>
    <message>
        <source>Compare the two selected images (C)</source>
        <translation>مقایسهٔ دو تصویر انتخاب‌شده (C)</translation>
    </message>
</context>
<context>
    <name>GalleryGrid</name>
    <message>
        <source>Images</source>
        <translation>تصویرها</translation>
    </message>
</context>
<context>
    <name>GalleryPage</name>
    <message>
        <source>Could not read the local history: %1</source>
        <translation>تاریخچهٔ محلی خوانده نشد: %1</translation>
    </message>
    <message>
        <source>Prompt copied.</source>
        <translation>پرامپت رونوشت شد.</translation>
    </message>
    <message>
        <source>No images yet — generate one</source>
        <translation>هنوز تصویری نیست — یکی بسازید</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>نتیجه‌ای نیست</translation>
    </message>
    <message>
        <source>Describe a picture on the Generate tab (Ctrl+1); it appears here, and stays here offline.</source>
        <translation>در زبانهٔ «ساخت» (Ctrl+1) تصویری را توصیف کنید؛ این‌جا نمایش داده می‌شود و بدون اینترنت هم می‌ماند.</translation>
    </message>
    <message>
        <source>Try other words, or set the filters back to “All”.</source>
        <translation>واژه‌های دیگری را امتحان کنید، یا فیلترها را به «همه» برگردانید.</translation>
    </message>
    <message>
        <source>That image is not shown with the current filters.</source>
        <translation>آن تصویر با فیلترهای کنونی نمایش داده نمی‌شود.</translation>
    </message>
    <message numerus="yes">
        <source>%n images hidden on this computer.</source>
        <translation>
            <numerusform>%Ln تصویر روی این رایانه پنهان است.</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 ذخیره شد.</translation>
    </message>
    <message>
        <source>The image is still loading; try again in a moment.</source>
        <translation>تصویر هنوز در حال بارگیری است؛ کمی بعد دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Image copied.</source>
        <translation>تصویر رونوشت شد.</translation>
    </message>
    <message>
        <source>Could not open the folder %1.</source>
        <translation>پوشهٔ %1 باز نشد.</translation>
    </message>
    <message>
        <source>An export is still running.</source>
        <translation>یک خروجی‌گیری هنوز در جریان است.</translation>
    </message>
    <message>
        <source>Select the images to export first.</source>
        <translation>اول تصویرهایی را که می‌خواهید خروجی بگیرید انتخاب کنید.</translation>
    </message>
    <message>
        <source>This reference is not on this computer and has no address.</source>
        <translation>این مرجع روی این رایانه نیست و نشانی هم ندارد.</translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>%1 باز نشد.</translation>
    </message>
    <message>
        <source>None of the selected images is on this computer yet.</source>
        <translation>هیچ‌کدام از تصویرهای انتخاب‌شده هنوز روی این رایانه نیست.</translation>
    </message>
    <message numerus="yes">
        <source>Copied %n images.</source>
        <translation>
            <numerusform>%Ln تصویر کپی شد.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fetching the images to export · %1 of %2…</source>
        <translation>دریافت تصویرهای خروجی · %1 از %2…</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>خروجی لغو شد.</translation>
    </message>
    <message>
        <source>Go to date…</source>
        <translation>رفتن به تاریخ…</translation>
    </message>
    <message>
        <source>This image is still being made.</source>
        <translation>این تصویر هنوز در حال ساخت است.</translation>
    </message>
    <message>
        <source>This generation failed: %1</source>
        <translation>این ساخت ناموفق بود: %1</translation>
    </message>
    <message>
        <source>This image is gone from the server, and there is no copy on this computer.</source>
        <translation>این تصویر از سرور رفته است و نسخه‌ای از آن روی این رایانه نیست.</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگیری…</translation>
    </message>
    <message>
        <source>This image is not on this computer, and the server cannot be reached now.</source>
        <translation>این تصویر روی این رایانه نیست و اکنون به سرور دسترسی نیست.</translation>
    </message>
    <message>
        <source>This image could not be downloaded; try again later.</source>
        <translation>این تصویر بارگیری نشد؛ بعداً دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Select exactly two images to compare.</source>
        <translation>برای مقایسه دقیقاً دو تصویر انتخاب کنید.</translation>
    </message>
    <message>
        <source>That image is no longer in the local history.</source>
        <translation>آن تصویر دیگر در تاریخچهٔ محلی نیست.</translation>
    </message>
    <message>
        <source>A</source>
        <translation>الف</translation>
    </message>
    <message>
        <source>B</source>
        <translation>ب</translation>
    </message>
    <message>
        <source>Combined</source>
        <translation>ترکیبی</translation>
    </message>
    <message>
        <source>Server&apos;s result</source>
        <translation>نتیجهٔ سرور</translation>
    </message>
</context>
<context>
    <name>GoToDateDialog</name>
    <message>
        <source>Go to date</source>
        <translation>رفتن به تاریخ</translation>
    </message>
    <message>
        <source>Day to show</source>
        <translation>روزی که نشان داده شود</translation>
    </message>
</context>
<context>
    <name>HistoryDatabase</name>
    <message>
        <source>found damaged by an earlier check</source>
        <translation>در یک بررسی پیشین آسیب‌دیده تشخیص داده شد</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <source>Image</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <source>This image cannot be shown: %1</source>
        <translation>این تصویر نمایش‌دادنی نیست: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگیری…</translation>
    </message>
    <message>
        <source>%1, %2 × %3 pixels, shown at %4 %</source>
        <comment>image: prompt, size, zoom</comment>
        <translation>%1، %L2 × %L3 پیکسل، نمایش در اندازهٔ %L4٪</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>image: prompt — why there is no picture</comment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>JobDelegate</name>
    <message>
        <source>%1 s</source>
        <translation>%L1 ثانیه</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%L1 دقیقه و %L2 ثانیه</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%L1 ساعت و %L2 دقیقه</translation>
    </message>
    <message>
        <source>Waiting for network</source>
        <translation>در انتظار شبکه</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>در صف</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>در حال فرستادن</translation>
    </message>
    <message>
        <source>Generating</source>
        <translation>در حال ساخت</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>انجام شد</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>ناموفق</translation>
    </message>
    <message>
        <source>Checking the history</source>
        <translation>در حال بررسی تاریخچه</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>لغو شد</translation>
    </message>
    <message>
        <source>Edit: </source>
        <translation>ویرایش: </translation>
    </message>
</context>
<context>
    <name>JobItems</name>
    <message>
        <source>%1, %2</source>
        <comment>job: prompt, state and elapsed time</comment>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>Open in gallery</source>
        <translation>باز کردن در گالری</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>تلاش دوباره</translation>
    </message>
    <message>
        <source>Shows this job&apos;s image in the gallery</source>
        <translation>تصویر این کار را در گالری نشان می‌دهد</translation>
    </message>
    <message>
        <source>Stops this job before it is sent or finished</source>
        <translation>این کار را پیش از آن‌که فرستاده یا تمام شود متوقف می‌کند</translation>
    </message>
    <message>
        <source>Sends this job again</source>
        <translation>این کار را دوباره می‌فرستد</translation>
    </message>
</context>
<context>
    <name>JobNotifier</name>
    <message>
        <source>Your image is ready: “%1”</source>
        <translation>تصویر شما آماده است: «%1»</translation>
    </message>
    <message>
        <source>A job failed: “%1”. %2</source>
        <translation>یک کار ناموفق بود: «%1». %2</translation>
    </message>
    <message>
        <source>A job was cancelled: “%1”</source>
        <translation>یک کار لغو شد: «%1»</translation>
    </message>
    <message>
        <source>Your image is ready</source>
        <translation>تصویر شما آماده است</translation>
    </message>
    <message>
        <source>A job failed</source>
        <translation>یک کار ناموفق بود</translation>
    </message>
    <message>
        <source>“%1”
%2</source>
        <translation>«%1»
%2</translation>
    </message>
</context>
<context>
    <name>JobsPanel</name>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>تلاش دوباره</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Jobs</source>
        <translation>کارها</translation>
    </message>
    <message>
        <source>No jobs yet</source>
        <translation>هنوز کاری نیست</translation>
    </message>
    <message>
        <source>Images you generate or edit appear here while they are made, with their progress. Press Ctrl+J to hide or show this panel.</source>
        <translation>تصویرهایی که می‌سازید یا ویرایش می‌کنید تا آماده شوند همراه با پیشرفتشان این‌جا نمایش داده می‌شوند. با Ctrl+J این بخش را پنهان یا نمایان کنید.</translation>
    </message>
    <message>
        <source>Open this job&apos;s image in the gallery</source>
        <translation>باز کردن تصویر این کار در گالری</translation>
    </message>
    <message>
        <source>This job has already ended; there is nothing to cancel.</source>
        <translation>این کار پیش‌تر تمام شده است؛ چیزی برای لغو نیست.</translation>
    </message>
    <message>
        <source>Only failed or cancelled jobs can be sent again.</source>
        <translation>فقط کارهای ناموفق یا لغوشده را می‌شود دوباره فرستاد.</translation>
    </message>
    <message numerus="yes">
        <source>%n jobs</source>
        <translation>
            <numerusform>%Ln کار</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 running</source>
        <translation>%L1 در جریان</translation>
    </message>
    <message>
        <source>Open in gallery</source>
        <translation>باز کردن در گالری</translation>
    </message>
</context>
<context>
    <name>Lineage</name>
    <message>
        <source>Edit</source>
        <translation>ویرایش</translation>
    </message>
    <message>
        <source>Brush edit</source>
        <translation>ویرایش با قلم‌مو</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>مرجع</translation>
    </message>
    <message>
        <source>Regeneration</source>
        <translation>ساخت دوباره</translation>
    </message>
</context>
<context>
    <name>LineageStrip</name>
    <message>
        <source>Made from</source>
        <translation>ساخته از</translation>
    </message>
    <message>
        <source>Edits of this image</source>
        <translation>ویرایش‌های این تصویر</translation>
    </message>
    <message>
        <source>Show the whole tree…</source>
        <translation>نمایش کل درخت…</translation>
    </message>
    <message>
        <source>Every image of this chain of edits, with its branches</source>
        <translation>همهٔ تصویرهای این زنجیرهٔ ویرایش، با شاخه‌هایش</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Open this image: %1</source>
        <translation>باز کردن این تصویر: %1</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>مقایسه</translation>
    </message>
    <message>
        <source>Compare this image with the one it was made from</source>
        <translation>مقایسهٔ این تصویر با تصویری که از آن ساخته شده</translation>
    </message>
    <message>
        <source>Compare with %1</source>
        <translation>مقایسه با %1</translation>
    </message>
</context>
<context>
    <name>LineageTreeDialog</name>
    <message>
        <source>Lineage of this image</source>
        <translation>تبار این تصویر</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>تصویر</translation>
    </message>
    <message>
        <source>Made by</source>
        <translation>چگونه ساخته شد</translation>
    </message>
    <message>
        <source>Lineage tree</source>
        <translation>درخت تبار</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>Show this image in the gallery</source>
        <translation>نمایش این تصویر در گالری</translation>
    </message>
    <message>
        <source>Branch from here</source>
        <translation>شاخهٔ تازه از اینجا</translation>
    </message>
    <message>
        <source>Start a new edit from this image</source>
        <translation>آغاز ویرایشی تازه از این تصویر</translation>
    </message>
    <message>
        <source>Compare with this image</source>
        <translation>مقایسه با این تصویر</translation>
    </message>
    <message>
        <source>Compare the chosen image with the one this tree was opened from</source>
        <translation>مقایسهٔ تصویر انتخاب‌شده با تصویری که این درخت از آن باز شد</translation>
    </message>
    <message>
        <source>First image</source>
        <translation>نخستین تصویر</translation>
    </message>
    <message>
        <source>This image: %1</source>
        <translation>این تصویر: %1</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Generate, edit and browse images with the NanoBanana backend.</source>
        <translation>ساخت، ویرایش و مرور تصویر با سرور نانوبنانا.</translation>
    </message>
    <message>
        <source>Keep local data in DIR.</source>
        <translation>داده‌های محلی در پوشهٔ DIR نگه داشته شوند.</translation>
    </message>
    <message>
        <source>Talk to the backend at URL.</source>
        <translation>گفت‌وگو با سرور در نشانی URL.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Jobs</source>
        <translation>کارها</translation>
    </message>
    <message>
        <source>&amp;Generate</source>
        <translation>ساخت (&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>ویرایش (&amp;E)</translation>
    </message>
    <message>
        <source>Ga&amp;llery</source>
        <translation>گالری (&amp;L)</translation>
    </message>
    <message>
        <source>C&amp;haracters</source>
        <translation>شخصیت‌ها (&amp;H)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>پرونده (&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>تنظیمات (&amp;S)…</translation>
    </message>
    <message>
        <source>Sign &amp;in…</source>
        <translation>ورود (&amp;I)…</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>خروج (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>بستن برنامه (&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>نما (&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Jobs panel</source>
        <translation>بخش کارها (&amp;J)</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>همگام‌سازی اکنون (&amp;Y)</translation>
    </message>
    <message>
        <source>Signed in as %1.</source>
        <translation>با نام %1 وارد شدید.</translation>
    </message>
    <message>
        <source>The server no longer accepts your sign-in. Your gallery stays here and new jobs wait until you sign in again.</source>
        <translation>سرور دیگر ورود شما را نمی‌پذیرد. گالری‌تان این‌جا می‌ماند و کارهای تازه تا ورود دوباره‌تان منتظر می‌مانند.</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>ورود دوباره</translation>
    </message>
    <message>
        <source>You are signed out. Sign in to generate images and sync your history.</source>
        <translation>از حساب خارج شده‌اید. برای ساخت تصویر و همگام‌سازی تاریخچه وارد شوید.</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Cannot reach %1. You are seeing what is on this computer; new jobs wait and go out by themselves when the server answers.</source>
        <translation>%1 در دسترس نیست. آنچه روی این رایانه است را می‌بینید؛ کارهای تازه منتظر می‌مانند و وقتی سرور پاسخ دهد خودشان فرستاده می‌شوند.</translation>
    </message>
    <message>
        <source>Retry now</source>
        <translation>تلاش دوباره</translation>
    </message>
    <message>
        <source>Queued.</source>
        <translation>در صف قرار گرفت.</translation>
    </message>
    <message>
        <source>Queued; it goes out when the server answers again.</source>
        <translation>در صف قرار گرفت؛ وقتی سرور دوباره پاسخ دهد فرستاده می‌شود.</translation>
    </message>
    <message>
        <source>Queued; it goes out once you sign in.</source>
        <translation>در صف قرار گرفت؛ پس از ورود شما فرستاده می‌شود.</translation>
    </message>
    <message>
        <source>Server changed</source>
        <translation>سرور تغییر کرد</translation>
    </message>
    <message>
        <source>The new server is saved. Restart NanoBanana Studio to use it; until then it keeps talking to %1.</source>
        <translation>سرور تازه ذخیره شد. برای استفاده از آن نانوبنانا استودیو را دوباره باز کنید؛ تا آن زمان با %1 کار می‌کند.</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>صفحه‌ها</translation>
    </message>
    <message>
        <source>&amp;Move between page and jobs panel</source>
        <translation>جابه‌جایی میان صفحه و بخش کارها (&amp;M)</translation>
    </message>
</context>
<context>
    <name>MaskCanvas</name>
    <message>
        <source>Image to mark</source>
        <translation>تصویر برای علامت‌گذاری</translation>
    </message>
    <message>
        <source>Paint over the area to change. Wheel or plus and minus zoom, space and drag or the arrow keys move the image.</source>
        <translation>روی ناحیه‌ای که باید تغییر کند رنگ بزنید. چرخ ماوس یا کلیدهای + و − بزرگ‌نمایی و کوچک‌نمایی می‌کنند؛ کلید فاصله همراه با کشیدن، یا کلیدهای جهت، تصویر را جابه‌جا می‌کنند.</translation>
    </message>
</context>
<context>
    <name>MaskEditor</name>
    <message>
        <source>Mark the area to change</source>
        <translation>علامت‌گذاری ناحیه‌ای که تغییر می‌کند</translation>
    </message>
    <message>
        <source>Mask tools</source>
        <translation>ابزارهای ماسک</translation>
    </message>
    <message>
        <source>Mask steps and view</source>
        <translation>گام‌ها و نمای ماسک</translation>
    </message>
    <message>
        <source>&amp;Brush</source>
        <translation>قلم‌مو (&amp;B)</translation>
    </message>
    <message>
        <source>Paint the area to change (B)</source>
        <translation>ناحیه‌ای را که باید تغییر کند رنگ بزنید (B)</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>پاک‌کن (&amp;E)</translation>
    </message>
    <message>
        <source>Take paint away (E)</source>
        <translation>رنگ را پاک کنید (E)</translation>
    </message>
    <message>
        <source>&amp;Size</source>
        <translation>اندازه (&amp;S)</translation>
    </message>
    <message>
        <source>Brush size in image pixels</source>
        <translation>اندازهٔ قلم‌مو به پیکسل تصویر</translation>
    </message>
    <message>
        <source>Brush size ([ and ])</source>
        <translation>اندازهٔ قلم‌مو ([ و ])</translation>
    </message>
    <message>
        <source>So&amp;ftness</source>
        <translation>نرمی (&amp;F)</translation>
    </message>
    <message>
        <source>Brush softness in percent</source>
        <translation>نرمی قلم‌مو به درصد</translation>
    </message>
    <message>
        <source>How much of the brush fades out at its edge</source>
        <translation>چه اندازه از لبهٔ قلم‌مو محو می‌شود</translation>
    </message>
    <message>
        <source>&amp;Invert</source>
        <translation>وارونه (&amp;I)</translation>
    </message>
    <message>
        <source>Mark what is not marked and the other way round (I)</source>
        <translation>آنچه علامت ندارد علامت بخورد و برعکس (I)</translation>
    </message>
    <message>
        <source>C&amp;lear</source>
        <translation>پاک کردن همه (&amp;L)</translation>
    </message>
    <message>
        <source>Take the whole mask away</source>
        <translation>کل ماسک را بردارید</translation>
    </message>
    <message>
        <source> px</source>
        <translation> پیکسل</translation>
    </message>
    <message>
        <source>Grow or shrink the edge by pixels</source>
        <translation>بزرگ یا کوچک کردن لبه به پیکسل</translation>
    </message>
    <message>
        <source>Grow (positive) or shrink (negative) the marked area</source>
        <translation>ناحیهٔ علامت‌خورده را بزرگ (مثبت) یا کوچک (منفی) کنید</translation>
    </message>
    <message>
        <source>&amp;Grow</source>
        <translation>بزرگ کردن (&amp;G)</translation>
    </message>
    <message>
        <source>Appl&amp;y</source>
        <translation>اعمال (&amp;Y)</translation>
    </message>
    <message>
        <source>Grow or shrink the marked area now</source>
        <translation>ناحیهٔ علامت‌خورده را اکنون بزرگ یا کوچک کنید</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>واگرد (&amp;U)</translation>
    </message>
    <message>
        <source>Undo the last step (Ctrl+Z)</source>
        <translation>واگرد آخرین گام (Ctrl+Z)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>ازنو (&amp;R)</translation>
    </message>
    <message>
        <source>Redo the step undone (Ctrl+Shift+Z)</source>
        <translation>انجام دوبارهٔ گام واگردشده (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Undo: %1 (Ctrl+Z)</source>
        <translation>واگرد: %1 (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Redo: %1 (Ctrl+Shift+Z)</source>
        <translation>ازنو: %1 (Ctrl+Shift+Z)</translation>
    </message>
    <message>
        <source>Zoom i&amp;n</source>
        <translation>بزرگ‌نمایی (&amp;N)</translation>
    </message>
    <message>
        <source>Zoom in (+ or the wheel)</source>
        <translation>بزرگ‌نمایی (+ یا چرخ ماوس)</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>کوچک‌نمایی (&amp;O)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>کوچک‌نمایی (−)</translation>
    </message>
    <message>
        <source>Fi&amp;t</source>
        <translation>هم‌اندازهٔ پنجره (&amp;T)</translation>
    </message>
    <message>
        <source>Show the whole image (0)</source>
        <translation>نمایش کل تصویر (0)</translation>
    </message>
    <message>
        <source>&amp;Done</source>
        <translation>انجام شد (&amp;D)</translation>
    </message>
    <message numerus="yes">
        <source>Zoom %1% · %n steps to undo</source>
        <translation>
            <numerusform>بزرگ‌نمایی %1٪ · %Ln گام برای واگرد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MaskLayer</name>
    <message>
        <source>Invert</source>
        <translation>وارونه کردن</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>پاک کردن</translation>
    </message>
    <message>
        <source>Brush stroke</source>
        <translation>ضربهٔ قلم‌مو</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>پاک کردن همه</translation>
    </message>
    <message>
        <source>Grow</source>
        <translation>بزرگ کردن</translation>
    </message>
    <message>
        <source>Shrink</source>
        <translation>کوچک کردن</translation>
    </message>
</context>
<context>
    <name>Messages</name>
    <message>
        <source>Could not reach the server at %1. Check your connection; queued work will be sent when it is back.</source>
        <translation>سرور %1 در دسترس نیست. اتصال خود را بررسی کنید؛ کارهای در صف پس از برقراری اتصال فرستاده می‌شوند.</translation>
    </message>
    <message>
        <source>The server at %1 stopped answering in time. Check your connection and try again; a job already sent is checked against your history before it is sent again.</source>
        <translation>سرور %1 به موقع پاسخ نداد. اتصال خود را بررسی کنید و دوباره امتحان کنید؛ کاری که پیش‌تر فرستاده شده، پیش از فرستادن دوباره با تاریخچه‌تان مقایسه می‌شود.</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed (%2). Nothing was sent; check the server address and your system&apos;s certificates.</source>
        <translation>اتصال امن به %1 برقرار نشد (%2). چیزی فرستاده نشد؛ نشانی سرور و گواهی‌های سیستم را بررسی کنید.</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>درخواست لغو شد.</translation>
    </message>
    <message>
        <source>The answer was larger than the %1 MB this program accepts, so it was stopped. Try again later or check the server address.</source>
        <translation>پاسخ بزرگ‌تر از %1 مگابایتی بود که این برنامه می‌پذیرد، پس متوقف شد. بعداً دوباره امتحان کنید یا نشانی سرور را بررسی کنید.</translation>
    </message>
    <message>
        <source>The upload is too large for the server. Use fewer or smaller images and try again.</source>
        <translation>حجم بارگذاری برای سرور زیاد است. تصویرهای کمتر یا کوچک‌تری به کار ببرید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The server&apos;s answer %1, so it could not be read. Try again in a minute; if it keeps happening, check the server address.</source>
        <translation>پاسخ سرور %1، پس خوانده نشد. یک دقیقهٔ دیگر دوباره امتحان کنید؛ اگر تکرار شد، نشانی سرور را بررسی کنید.</translation>
    </message>
    <message>
        <source>The server answered with a web page instead of data. Check the server address in the settings (it must point at the API), then try again.</source>
        <translation>سرور به جای داده یک صفحهٔ وب فرستاد. نشانی سرور را در تنظیمات بررسی کنید (باید به API اشاره کند)، سپس دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The image is missing on the server (it sent %1 instead of a picture). Sync your history later; the record is kept.</source>
        <translation>تصویر روی سرور نیست (به جای تصویر %1 فرستاد). بعداً تاریخچه‌تان را همگام کنید؛ رکورد نگه داشته می‌شود.</translation>
    </message>
    <message>
        <source>Your sign-in is no longer valid (the server said: %1). Sign in again; your queued work is kept.</source>
        <translation>ورود شما دیگر معتبر نیست (پاسخ سرور: %1). دوباره وارد شوید؛ کارهای در صف نگه داشته می‌شوند.</translation>
    </message>
    <message>
        <source>You are out of stars: this needs %1 and you have %2. Top up, then try again.</source>
        <translation>ستاره‌هایتان کافی نیست: این کار %1 ستاره می‌خواهد و %2 ستاره دارید. موجودی را افزایش دهید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>You are out of stars: this needs %1. Top up, then try again.</source>
        <translation>ستاره‌هایتان کافی نیست: این کار %1 ستاره می‌خواهد. موجودی را افزایش دهید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>You are out of stars for this request. Top up, then try again.</source>
        <translation>ستاره‌هایتان برای این درخواست کافی نیست. موجودی را افزایش دهید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The server refused the request: %1. Correct it and try again.</source>
        <translation>سرور درخواست را نپذیرفت: %1. آن را درست کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The server does not have what was asked for (it said: %1). Refresh, and check the server address if it keeps happening.</source>
        <translation>سرور آنچه خواسته شد را ندارد (پاسخ سرور: %1). تازه‌سازی کنید و اگر تکرار شد، نشانی سرور را بررسی کنید.</translation>
    </message>
    <message numerus="yes">
        <source>The server is limiting how often it can be asked. Wait %n s; queued work resumes by itself.</source>
        <translation>
            <numerusform>سرور تعداد درخواست‌ها را محدود کرده است. %Ln ثانیه صبر کنید؛ کارهای در صف خودشان ادامه پیدا می‌کنند.</numerusform>
        </translation>
    </message>
    <message>
        <source>The server is limiting how often it can be asked. Wait a minute; queued work resumes by itself.</source>
        <translation>سرور تعداد درخواست‌ها را محدود کرده است. یک دقیقه صبر کنید؛ کارهای در صف خودشان ادامه پیدا می‌کنند.</translation>
    </message>
    <message>
        <source>The server could not finish this request (it said: %1). Your job is kept; try again in a minute.</source>
        <translation>سرور نتوانست این درخواست را تمام کند (پاسخ سرور: %1). کار شما نگه داشته می‌شود؛ یک دقیقهٔ دیگر دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Could not use the file %1: %2. Choose another file.</source>
        <translation>پروندهٔ %1 به کار نرفت: %2. پروندهٔ دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>the server</source>
        <translation>سرور</translation>
    </message>
    <message>
        <source>TLS error</source>
        <translation>خطای TLS</translation>
    </message>
    <message>
        <source>no content type</source>
        <translation>نوع محتوا مشخص نیست</translation>
    </message>
    <message>
        <source>unauthorized</source>
        <translation>دسترسی مجاز نیست</translation>
    </message>
    <message>
        <source>invalid request</source>
        <translation>درخواست نامعتبر</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>پیدا نشد</translation>
    </message>
    <message>
        <source>error %1</source>
        <translation>خطای %1</translation>
    </message>
    <message>
        <source>Could not create the profile folder %1. Check that the location is writable, or choose another profile.</source>
        <translation>پوشهٔ پروفایل %1 ساخته نشد. بررسی کنید که آن مکان نوشتنی باشد، یا پروفایل دیگری انتخاب کنید.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address; use one like https://example.org or http://127.0.0.1:2000.</source>
        <translation>«%1» نشانی سرور نیست؛ نشانی‌ای مانند https://example.org یا http://127.0.0.1:2000 به کار ببرید.</translation>
    </message>
    <message>
        <source>The code has 6 digits; check the text message.</source>
        <translation>کد ۶ رقم دارد؛ پیامک را بررسی کنید.</translation>
    </message>
    <message>
        <source>The server&apos;s sign-in answer could not be read. Try again later.</source>
        <translation>پاسخ ورود سرور خوانده نشد. بعداً دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>This is not a sign-in token. Copy the whole access token (three parts separated by dots).</source>
        <translation>این توکن ورود نیست. کل توکن دسترسی را رونوشت کنید (سه بخش که با نقطه از هم جدا شده‌اند).</translation>
    </message>
    <message>
        <source>This token has expired. Sign in with your phone number to get a new one.</source>
        <translation>این توکن منقضی شده است. برای گرفتن توکن تازه با شمارهٔ تلفن خود وارد شوید.</translation>
    </message>
    <message>
        <source>The server does not accept this token. Sign in with your phone number instead.</source>
        <translation>سرور این توکن را نمی‌پذیرد. به جای آن با شمارهٔ تلفن خود وارد شوید.</translation>
    </message>
    <message>
        <source>%1 Enter the number with its country code, for example +98 912 123 4567.</source>
        <translation>%1 شماره را با کد کشور وارد کنید، مثلاً +98 912 123 4567.</translation>
    </message>
    <message>
        <source>A &quot;+&quot; may only start the number.</source>
        <translation>علامت «+» فقط می‌تواند در آغاز شماره بیاید.</translation>
    </message>
    <message>
        <source>The phone number may contain only digits.</source>
        <translation>شمارهٔ تلفن فقط می‌تواند رقم داشته باشد.</translation>
    </message>
    <message>
        <source>Enter a phone number.</source>
        <translation>شمارهٔ تلفن را وارد کنید.</translation>
    </message>
    <message>
        <source>The country code is missing.</source>
        <translation>کد کشور وارد نشده است.</translation>
    </message>
    <message>
        <source>A phone number has 10 to 15 digits after the country code&apos;s &quot;+&quot;.</source>
        <translation>شمارهٔ تلفن پس از «+» کد کشور ۱۰ تا ۱۵ رقم دارد.</translation>
    </message>
    <message>
        <source>A country code never starts with 0.</source>
        <translation>کد کشور هیچ‌وقت با ۰ آغاز نمی‌شود.</translation>
    </message>
    <message>
        <source>The sign-in could not be kept in %1 (%2). Check that the profile folder is writable.</source>
        <translation>ورود در %1 نگه داشته نشد (%2). بررسی کنید که پوشهٔ پروفایل نوشتنی باشد.</translation>
    </message>
    <message>
        <source>the file is readable by other users; it was not used</source>
        <translation>کاربران دیگر هم می‌توانند پرونده را بخوانند؛ به کار نرفت</translation>
    </message>
    <message>
        <source>cannot remove the file</source>
        <translation>پرونده حذف نمی‌شود</translation>
    </message>
    <message>
        <source>cannot create the profile folder</source>
        <translation>پوشهٔ پروفایل ساخته نمی‌شود</translation>
    </message>
    <message>
        <source>cannot make the file private to its owner</source>
        <translation>پرونده را نمی‌شود فقط برای صاحبش خصوصی کرد</translation>
    </message>
    <message>
        <source>the file system does not keep it private to its owner</source>
        <translation>سیستم پرونده آن را فقط برای صاحبش خصوصی نگه نمی‌دارد</translation>
    </message>
    <message>
        <source>The saved sign-in could not be read from the keychain (%1). Sign in again.</source>
        <translation>ورود ذخیره‌شده از جاکلیدی خوانده نشد (%1). دوباره وارد شوید.</translation>
    </message>
    <message>
        <source>was empty</source>
        <translation>خالی بود</translation>
    </message>
    <message>
        <source>was cut off or is not valid JSON (%1 at byte %2)</source>
        <translation>ناقص بود یا JSON معتبر نیست (%1 در بایت %2)</translation>
    </message>
    <message>
        <source>is not a JSON object</source>
        <translation>شیء JSON نیست</translation>
    </message>
    <message>
        <source>has no &quot;data&quot; object</source>
        <translation>شیء &quot;data&quot; ندارد</translation>
    </message>
    <message>
        <source>has no &quot;%1&quot; list</source>
        <translation>فهرست &quot;%1&quot; ندارد</translation>
    </message>
    <message>
        <source>carries no access token</source>
        <translation>توکن دسترسی ندارد</translation>
    </message>
    <message>
        <source>carries no user</source>
        <translation>کاربری ندارد</translation>
    </message>
    <message>
        <source>has a user that is not an object</source>
        <translation>کاربری دارد که شیء نیست</translation>
    </message>
    <message>
        <source>names neither a task nor an image</source>
        <translation>نه کاری را نام می‌برد نه تصویری</translation>
    </message>
    <message>
        <source>has no task</source>
        <translation>کاری ندارد</translation>
    </message>
    <message>
        <source>reports a finished task without a result image</source>
        <translation>کاری را تمام‌شده اعلام می‌کند که تصویر نتیجه ندارد</translation>
    </message>
    <message>
        <source>has no character</source>
        <translation>شخصیتی ندارد</translation>
    </message>
    <message>
        <source>is not a picture it can show (%1 bytes of %2)</source>
        <translation>تصویری نیست که بشود نمایش داد (%1 بایت از %2)</translation>
    </message>
    <message>
        <source>redirected more than 5 times</source>
        <translation>بیش از ۵ بار تغییر مسیر داد</translation>
    </message>
    <message>
        <source>redirected to an insecure address</source>
        <translation>به نشانی ناامنی تغییر مسیر داد</translation>
    </message>
    <message>
        <source>did not have the expected shape</source>
        <translation>شکل مورد انتظار را نداشت</translation>
    </message>
    <message>
        <source>had the unexpected status %1</source>
        <translation>وضعیت غیرمنتظرهٔ %1 را داشت</translation>
    </message>
    <message>
        <source>An edit needs at least one image; add the picture to edit</source>
        <translation>ویرایش دست‌کم یک تصویر می‌خواهد؛ تصویری را که می‌خواهید ویرایش کنید بیفزایید</translation>
    </message>
    <message>
        <source>it cannot be read (%1)</source>
        <translation>خوانده نمی‌شود (%1)</translation>
    </message>
    <message>
        <source>it is not a picture this program can read</source>
        <translation>تصویری نیست که این برنامه بتواند بخواند</translation>
    </message>
    <message>
        <source>it could not be read completely</source>
        <translation>کامل خوانده نشد</translation>
    </message>
    <message>
        <source>it could not be decoded (%1)</source>
        <translation>رمزگشایی نشد (%1)</translation>
    </message>
    <message>
        <source>it cannot be made small enough to upload</source>
        <translation>نمی‌شود آن را برای بارگذاری به اندازهٔ کافی کوچک کرد</translation>
    </message>
    <message>
        <source>The server sent something that is not a usable image (%1). Try again later.</source>
        <translation>سرور چیزی فرستاد که تصویر قابل استفاده نیست (%1). بعداً دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>its type was &quot;%1&quot;</source>
        <translation>نوعش &quot;%1&quot; بود</translation>
    </message>
    <message>
        <source>it was empty</source>
        <translation>خالی بود</translation>
    </message>
    <message>
        <source>its contents are not in a known image format</source>
        <translation>محتوایش در هیچ قالب تصویری شناخته‌شده‌ای نیست</translation>
    </message>
    <message>
        <source>its header is damaged</source>
        <translation>سرآیندش آسیب دیده است</translation>
    </message>
    <message>
        <source>it was cut off</source>
        <translation>ناقص بود</translation>
    </message>
    <message>
        <source>The image is %1×%2 pixels, larger than the %3-pixel limit, so it was not kept.</source>
        <translation>تصویر %1×%2 پیکسل است، بزرگ‌تر از حد %3 پیکسل، پس نگه داشته نشد.</translation>
    </message>
    <message>
        <source>The image address &quot;%1&quot; is not valid.</source>
        <translation>نشانی تصویر «%1» معتبر نیست.</translation>
    </message>
    <message>
        <source>The image could not be saved to %1 (%2). Check that the disk has space and the folder is writable.</source>
        <translation>تصویر در %1 ذخیره نشد (%2). بررسی کنید که دیسک جا داشته باشد و پوشه نوشتنی باشد.</translation>
    </message>
    <message>
        <source>cannot create the folder</source>
        <translation>پوشه ساخته نمی‌شود</translation>
    </message>
    <message>
        <source>The local history database could not be updated (%1). Restart the app; if this keeps happening, use another profile.</source>
        <translation>پایگاه دادهٔ تاریخچهٔ محلی به‌روز نشد (%1). برنامه را دوباره باز کنید؛ اگر تکرار شد، پروفایل دیگری به کار ببرید.</translation>
    </message>
    <message>
        <source>cannot read the schema version</source>
        <translation>نسخهٔ ساختار خوانده نمی‌شود</translation>
    </message>
    <message>
        <source>schema step %1 is missing</source>
        <translation>گام %1 ساختار وجود ندارد</translation>
    </message>
    <message>
        <source>cannot start schema step %1</source>
        <translation>گام %1 ساختار آغاز نمی‌شود</translation>
    </message>
    <message>
        <source>schema step %1 failed</source>
        <translation>گام %1 ساختار ناموفق بود</translation>
    </message>
    <message>
        <source>cannot record schema version %1</source>
        <translation>نسخهٔ %1 ساختار ثبت نمی‌شود</translation>
    </message>
    <message>
        <source>cannot commit schema step %1</source>
        <translation>گام %1 ساختار نهایی نمی‌شود</translation>
    </message>
    <message>
        <source>The local history could not be updated (%1). Restart the app; if this keeps happening, check the free disk space.</source>
        <translation>تاریخچهٔ محلی به‌روز نشد (%1). برنامه را دوباره باز کنید؛ اگر تکرار شد، فضای خالی دیسک را بررسی کنید.</translation>
    </message>
    <message>
        <source>preparing the search index</source>
        <translation>آماده‌سازی نمایهٔ جست‌وجو</translation>
    </message>
    <message>
        <source>reading the search backlog</source>
        <translation>خواندن کارهای مانده‌ی جست‌وجو</translation>
    </message>
    <message>
        <source>indexing prompts for search</source>
        <translation>نمایه‌سازی پرامپت‌ها برای جست‌وجو</translation>
    </message>
    <message>
        <source>reading the history</source>
        <translation>خواندن تاریخچه</translation>
    </message>
    <message>
        <source>saving the history</source>
        <translation>ذخیرهٔ تاریخچه</translation>
    </message>
    <message>
        <source>merging a job into its record</source>
        <translation>یکی کردن یک کار با رکوردش</translation>
    </message>
    <message>
        <source>saving a history record</source>
        <translation>ذخیرهٔ یک رکورد تاریخچه</translation>
    </message>
    <message>
        <source>updating a history record</source>
        <translation>به‌روزرسانی یک رکورد تاریخچه</translation>
    </message>
    <message>
        <source>updating history records</source>
        <translation>به‌روزرسانی رکوردهای تاریخچه</translation>
    </message>
    <message>
        <source>saving history records</source>
        <translation>ذخیرهٔ رکوردهای تاریخچه</translation>
    </message>
    <message>
        <source>adding the job to the gallery</source>
        <translation>افزودن کار به گالری</translation>
    </message>
    <message>
        <source>linking the job to its record</source>
        <translation>پیوند دادن کار به رکوردش</translation>
    </message>
    <message>
        <source>updating the job&apos;s card</source>
        <translation>به‌روزرسانی کارت کار</translation>
    </message>
    <message>
        <source>remembering the saved image</source>
        <translation>ثبت تصویر ذخیره‌شده</translation>
    </message>
    <message>
        <source>saving the favourite</source>
        <translation>ذخیرهٔ برگزیده</translation>
    </message>
    <message>
        <source>hiding the image</source>
        <translation>پنهان کردن تصویر</translation>
    </message>
    <message>
        <source>marking removed records</source>
        <translation>علامت‌گذاری رکوردهای حذف‌شده</translation>
    </message>
    <message>
        <source>reading a record</source>
        <translation>خواندن یک رکورد</translation>
    </message>
    <message>
        <source>reading the sync state</source>
        <translation>خواندن وضعیت همگام‌سازی</translation>
    </message>
    <message>
        <source>saving the sync state</source>
        <translation>ذخیرهٔ وضعیت همگام‌سازی</translation>
    </message>
    <message>
        <source>The history could not be requested. Sign in and try again.</source>
        <translation>تاریخچه درخواست نشد. وارد شوید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>An earlier page of the history was not saved.</source>
        <translation>یکی از صفحه‌های پیشین تاریخچه ذخیره نشد.</translation>
    </message>
    <message>
        <source>The local history database was damaged (%1); it was set aside as %2 and will be rebuilt from the server.</source>
        <translation>پایگاه دادهٔ تاریخچهٔ محلی آسیب دیده بود (%1)؛ با نام %2 کنار گذاشته شد و از روی سرور دوباره ساخته می‌شود.</translation>
    </message>
    <message>
        <source>The local history at %1 could not be opened. Check that the folder is writable and not full, or use another profile.</source>
        <translation>تاریخچهٔ محلی در %1 باز نشد. بررسی کنید که پوشه نوشتنی و دیسک پر نباشد، یا پروفایل دیگری به کار ببرید.</translation>
    </message>
    <message>
        <source>This profile was written by a newer NanoBanana Studio (schema %1); this version understands up to %2. Update the app or use another profile.</source>
        <translation>این پروفایل را نسخهٔ تازه‌تری از نانوبنانا استودیو نوشته است (ساختار %1)؛ این نسخه تا %2 را می‌فهمد. برنامه را به‌روز کنید یا پروفایل دیگری به کار ببرید.</translation>
    </message>
    <message>
        <source>The local history database is damaged (%1). Restart NanoBanana Studio: it will set the file aside and rebuild the history from the server.</source>
        <translation>پایگاه دادهٔ تاریخچهٔ محلی آسیب دیده است (%1). نانوبنانا استودیو را دوباره باز کنید: پرونده را کنار می‌گذارد و تاریخچه را از روی سرور دوباره می‌سازد.</translation>
    </message>
    <message>
        <source>The local history could not be read. Restart the app; if this keeps happening, use another profile.</source>
        <translation>تاریخچهٔ محلی خوانده نشد. برنامه را دوباره باز کنید؛ اگر تکرار شد، پروفایل دیگری به کار ببرید.</translation>
    </message>
    <message>
        <source>Could not save the character list in the profile database (%1).</source>
        <translation>فهرست شخصیت‌ها در پایگاه دادهٔ پروفایل ذخیره نشد (%1).</translation>
    </message>
    <message>
        <source>Could not save the character list (%1).</source>
        <translation>فهرست شخصیت‌ها ذخیره نشد (%1).</translation>
    </message>
    <message>
        <source>That image is no longer in the local history.</source>
        <translation>آن تصویر دیگر در تاریخچهٔ محلی نیست.</translation>
    </message>
    <message>
        <source>Could not read the image %1 (%2); it may have been moved or deleted.</source>
        <translation>تصویر %1 خوانده نشد (%2)؛ شاید جابه‌جا یا حذف شده باشد.</translation>
    </message>
    <message>
        <source>Could not write %1 (%2). Choose a folder you can write to.</source>
        <translation>%1 نوشته نشد (%2). پوشه‌ای انتخاب کنید که بتوانید در آن بنویسید.</translation>
    </message>
    <message>
        <source>Could not create the folder %1. Choose a folder you can write to.</source>
        <translation>پوشهٔ %1 ساخته نشد. پوشه‌ای انتخاب کنید که بتوانید در آن بنویسید.</translation>
    </message>
    <message>
        <source>Could not copy %1 into %2. Check the free space and permissions of that folder.</source>
        <translation>%1 در %2 رونوشت نشد. فضای خالی و مجوزهای آن پوشه را بررسی کنید.</translation>
    </message>
    <message>
        <source>Could not write %1 (%2).</source>
        <translation>%1 نوشته نشد (%2).</translation>
    </message>
    <message>
        <source>Sign in before sending a job.</source>
        <translation>پیش از فرستادن کار وارد شوید.</translation>
    </message>
    <message>
        <source>Write a prompt first: it tells the model what to make.</source>
        <translation>اول پرامپت بنویسید: به مدل می‌گوید چه بسازد.</translation>
    </message>
    <message>
        <source>An edit needs at least one image. Add the image to edit, then send again.</source>
        <translation>ویرایش دست‌کم یک تصویر می‌خواهد. تصویری را که می‌خواهید ویرایش کنید بیفزایید و دوباره بفرستید.</translation>
    </message>
    <message numerus="yes">
        <source>At most 5 images can go with one job; remove %n.</source>
        <translation>
            <numerusform>هر کار حداکثر ۵ تصویر می‌تواند داشته باشد؛ %Ln تصویر را بردارید.</numerusform>
        </translation>
    </message>
    <message>
        <source>The aspect ratio %1 is not one the server accepts (%2).</source>
        <translation>سرور نسبت ابعاد %1 را نمی‌پذیرد (%2).</translation>
    </message>
    <message>
        <source>The resolution must be 1K, 2K or 4K.</source>
        <translation>وضوح باید 1K، 2K یا 4K باشد.</translation>
    </message>
    <message>
        <source>Could not read the reference %1 (%2). Check that the file exists and is readable.</source>
        <translation>مرجع %1 خوانده نشد (%2). بررسی کنید که پرونده وجود داشته باشد و خواندنی باشد.</translation>
    </message>
    <message>
        <source>Could not read the reference %1.</source>
        <translation>مرجع %1 خوانده نشد.</translation>
    </message>
    <message>
        <source>Could not copy the reference %1 into the profile folder. Check the free disk space.</source>
        <translation>مرجع %1 در پوشهٔ پروفایل رونوشت نشد. فضای خالی دیسک را بررسی کنید.</translation>
    </message>
    <message>
        <source>Could not save the job in the profile database (%1). Nothing was sent.</source>
        <translation>کار در پایگاه دادهٔ پروفایل ذخیره نشد (%1). چیزی فرستاده نشد.</translation>
    </message>
    <message>
        <source>Waiting for you to sign in again; the job is kept.</source>
        <translation>در انتظار ورود دوبارهٔ شما؛ کار نگه داشته می‌شود.</translation>
    </message>
    <message>
        <source>Waiting for the network: %1</source>
        <translation>در انتظار شبکه: %1</translation>
    </message>
    <message>
        <source>Cancelled here. The server may still finish this job and charge for it; it will then appear in the history.</source>
        <translation>این‌جا لغو شد. ممکن است سرور این کار را تمام کند و هزینه‌اش را بگیرد؛ در آن صورت در تاریخچه نمایش داده می‌شود.</translation>
    </message>
    <message>
        <source>Cancelled before it was sent; nothing was charged.</source>
        <translation>پیش از فرستادن لغو شد؛ هزینه‌ای گرفته نشد.</translation>
    </message>
    <message>
        <source>Checking with the server whether this job arrived before the program stopped.</source>
        <translation>در حال پرسیدن از سرور که آیا این کار پیش از بسته شدن برنامه به آن رسیده بود.</translation>
    </message>
    <message>
        <source>The connection broke after the job was sent. Checking the history to see whether the server made the image; it will not be sent twice.</source>
        <translation>اتصال پس از فرستادن کار قطع شد. تاریخچه بررسی می‌شود تا معلوم شود سرور تصویر را ساخته یا نه؛ دو بار فرستاده نمی‌شود.</translation>
    </message>
    <message>
        <source>%1 Checking the history to see whether the server made the image; it will not be sent twice.</source>
        <translation>%1 تاریخچه بررسی می‌شود تا معلوم شود سرور تصویر را ساخته یا نه؛ دو بار فرستاده نمی‌شود.</translation>
    </message>
    <message>
        <source>Could not check the history yet to see whether the server made this image; trying again. It will not be sent twice.</source>
        <translation>هنوز نشد تاریخچه را بررسی کرد تا معلوم شود سرور این تصویر را ساخته یا نه؛ دوباره تلاش می‌شود. دو بار فرستاده نمی‌شود.</translation>
    </message>
    <message>
        <source>The server could not make this image and kept no record of it, so nothing was charged. Retry it, or change the prompt if it keeps failing.</source>
        <translation>سرور نتوانست این تصویر را بسازد و رکوردی از آن نگه نداشت، پس هزینه‌ای گرفته نشد. دوباره امتحان کنید، یا اگر باز ناموفق بود، پرامپت را تغییر دهید.</translation>
    </message>
    <message>
        <source>The server never confirmed this job and its history has no record of it, so nothing was charged. Retry it when you like.</source>
        <translation>سرور هیچ‌وقت این کار را تأیید نکرد و در تاریخچه‌اش رکوردی از آن نیست، پس هزینه‌ای گرفته نشد. هر وقت خواستید دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The model refused this prompt under its content policy. Change the prompt or the references and try again.</source>
        <translation>مدل این پرامپت را طبق سیاست محتوایش نپذیرفت. پرامپت یا مرجع‌ها را تغییر دهید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The server could not make this image. Try again.</source>
        <translation>سرور نتوانست این تصویر را بسازد. دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>The server could not make this image (it said: %1). Try again; if it keeps failing, change the prompt.</source>
        <translation>سرور نتوانست این تصویر را بسازد (پاسخ سرور: %1). دوباره امتحان کنید؛ اگر باز ناموفق بود، پرامپت را تغییر دهید.</translation>
    </message>
    <message>
        <source>The image is ready on the server but could not be downloaded yet: %1</source>
        <translation>تصویر روی سرور آماده است ولی هنوز دانلود نشده: %1</translation>
    </message>
    <message>
        <source>The server sent this request on to another address (%1). It was not followed, so nothing went there. Check the server address in the settings.</source>
        <translation>سرور این درخواست را به نشانی دیگری (%1) فرستاد. آن نشانی دنبال نشد، پس چیزی به آنجا نرفت. نشانی سرور را در تنظیمات بررسی کنید.</translation>
    </message>
    <message>
        <source>The server&apos;s gateway refused the upload as too large before the server saw it, so nothing was charged. Use fewer or smaller images.</source>
        <translation>درگاه سرور این بارگذاری را پیش از رسیدن به سرور بیش از حد بزرگ دانست و نپذیرفت، پس هزینه‌ای گرفته نشد. تصویرهای کمتر یا کوچک‌تری به کار ببرید.</translation>
    </message>
    <message>
        <source>The server&apos;s gateway could not reach the server (502). Try again in a minute; your work is kept.</source>
        <translation>درگاه سرور به سرور دسترسی نداشت (502). یک دقیقهٔ دیگر دوباره امتحان کنید؛ کارهای شما نگه داشته می‌شوند.</translation>
    </message>
    <message>
        <source>The server is unavailable for now (503), often for maintenance. Try again in a few minutes; your work is kept.</source>
        <translation>سرور فعلاً در دسترس نیست (503)، که اغلب برای نگهداری است. چند دقیقهٔ دیگر دوباره امتحان کنید؛ کارهای شما نگه داشته می‌شوند.</translation>
    </message>
    <message>
        <source>The server&apos;s gateway stopped waiting for the server (504). A job already sent is checked against your history before it is sent again.</source>
        <translation>درگاه سرور دیگر منتظر سرور نماند (504). کاری که فرستاده شده، پیش از فرستادن دوباره با تاریخچهٔ شما سنجیده می‌شود.</translation>
    </message>
    <message>
        <source>The pictures were too large for the server&apos;s gateway, so nothing was charged. Sending them again, made smaller (%1 MB in all).</source>
        <translation>تصویرها برای درگاه سرور بیش از حد بزرگ بودند، پس هزینه‌ای گرفته نشد. کوچک‌تر شده دوباره فرستاده می‌شوند (روی هم %1 مگابایت).</translation>
    </message>
    <message>
        <source>The pictures are too large for the server&apos;s gateway even at the lowest quality allowed, so the job was not sent and nothing was charged. Use fewer or smaller images.</source>
        <translation>تصویرها حتی با کمترین کیفیت مجاز هم برای درگاه سرور بیش از حد بزرگ‌اند، پس کار فرستاده نشد و هزینه‌ای گرفته نشد. تصویرهای کمتر یا کوچک‌تری به کار ببرید.</translation>
    </message>
    <message>
        <source>The program stopped before this job had left, so the server never saw it; it is sent again now.</source>
        <translation>برنامه پیش از بیرون رفتن این کار بسته شد، پس سرور هرگز آن را ندید؛ اکنون دوباره فرستاده می‌شود.</translation>
    </message>
    <message>
        <source>The disk is full: free some space, then try again.</source>
        <translation>دیسک پر است: کمی جا باز کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>What only this computer knew came back from %1: %2, %3, %4 and %5.</source>
        <translation>آنچه فقط این رایانه می‌دانست از %1 برگشت: %2، %3، %4 و %5.</translation>
    </message>
    <message>
        <source>the damaged file</source>
        <translation>پروندهٔ آسیب‌دیده</translation>
    </message>
    <message>
        <source>the last backup</source>
        <translation>آخرین نسخهٔ پشتیبان</translation>
    </message>
    <message>
        <source>the damaged file and the last backup</source>
        <translation>پروندهٔ آسیب‌دیده و آخرین نسخهٔ پشتیبان</translation>
    </message>
    <message numerus="yes">
        <source>%n favourites</source>
        <translation>
            <numerusform>%Ln برگزیده</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hidden images</source>
        <translation>
            <numerusform>%Ln تصویر پنهان</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n jobs</source>
        <translation>
            <numerusform>%Ln کار</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n links to images on this computer</source>
        <translation>
            <numerusform>%Ln پیوند به تصویرهای این رایانه</numerusform>
        </translation>
    </message>
    <message>
        <source>The disk is full: free some space; your job is kept.</source>
        <translation>دیسک پر است: کمی جا باز کنید؛ کار شما نگه داشته شده است.</translation>
    </message>
    <message>
        <source>The disk is full: free some space, then send the job again. Nothing was sent.</source>
        <translation>دیسک پر است: کمی جا باز کنید و کار را دوباره بفرستید. چیزی فرستاده نشد.</translation>
    </message>
    <message>
        <source>Finished, not saved yet: the disk is full. Free some space; the image is saved by itself then.</source>
        <translation>تمام شد، ولی هنوز ذخیره نشده: دیسک پر است. کمی جا باز کنید؛ تصویر خودبه‌خود ذخیره می‌شود.</translation>
    </message>
    <message>
        <source>Could not read the marked area or its image (%1). Mark the area again.</source>
        <translation>ناحیهٔ علامت‌خورده یا تصویر آن خوانده نشد (%1). ناحیه را دوباره علامت بزنید.</translation>
    </message>
    <message>
        <source>Could not save the highlighted copy %1 (%2). Check the free disk space.</source>
        <translation>نسخهٔ برجسته‌شدهٔ %1 ذخیره نشد (%2). فضای آزاد دیسک را بررسی کنید.</translation>
    </message>
    <message>
        <source>A marked area belongs to an image being edited. Add the image to edit, then send again.</source>
        <translation>ناحیهٔ علامت‌خورده مال تصویری است که ویرایش می‌شود. تصویر ویرایشی را بیفزایید و دوباره بفرستید.</translation>
    </message>
    <message numerus="yes">
        <source>With a marked area its highlighted copy goes too, so at most 4 images can be attached; remove %n.</source>
        <translation>
            <numerusform>با ناحیهٔ علامت‌خورده، نسخهٔ برجسته‌شدهٔ آن هم فرستاده می‌شود، پس حداکثر ۴ تصویر می‌توان پیوست کرد؛ %Ln تصویر را بردارید.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MirrorStatus</name>
    <message>
        <source>Saving for offline paused · %1 of %2</source>
        <translation>ذخیره برای استفادهٔ آفلاین متوقف است · %1 از %2</translation>
    </message>
    <message>
        <source>Saving for offline waits for the server · %1 of %2</source>
        <translation>ذخیره برای استفادهٔ آفلاین منتظر سرور است · %1 از %2</translation>
    </message>
    <message>
        <source>Saving for offline waits for the connection · %1 of %2</source>
        <translation>ذخیره برای استفادهٔ آفلاین منتظر اتصال است · %1 از %2</translation>
    </message>
    <message>
        <source>Saving for offline stopped: the disk is nearly full · %1 of %2</source>
        <translation>ذخیره برای استفادهٔ آفلاین متوقف شد: دیسک تقریباً پر است · %1 از %2</translation>
    </message>
    <message>
        <source>Saving for offline · %1 of %2</source>
        <translation>ذخیره برای استفادهٔ آفلاین · %1 از %2</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>ادامه</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>توقف</translation>
    </message>
    <message>
        <source>Go on saving the images for offline use</source>
        <translation>ادامهٔ ذخیرهٔ تصویرها برای استفادهٔ آفلاین</translation>
    </message>
    <message>
        <source>Stop saving the images for offline use for now</source>
        <translation>توقف موقت ذخیرهٔ تصویرها برای استفادهٔ آفلاین</translation>
    </message>
    <message>
        <source>Saving for offline waits for a connection that is not metered · %1 of %2</source>
        <translation>ذخیره برای استفادهٔ آفلاین منتظر اتصالی بدون محدودیت حجم است · %1 از %2</translation>
    </message>
    <message>
        <source>&amp;Pause saving for offline</source>
        <translation>توقف ذخیرهٔ آفلاین (&amp;P)</translation>
    </message>
    <message>
        <source>Kept the newest images for offline, up to %1 · %2 of %3</source>
        <translation>تازه‌ترین تصویرها تا %1 برای استفادهٔ آفلاین نگه داشته شد · %2 از %3</translation>
    </message>
    <message numerus="yes">
        <source>Saved for offline · all %n images</source>
        <translation>
            <numerusform>ذخیره برای استفادهٔ آفلاین · همهٔ %Ln تصویر</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Keeping thumbnails for offline · %n made</source>
        <translation>
            <numerusform>نگه‌داشتن تصویرهای کوچک برای استفادهٔ آفلاین · %Ln ساخته شد</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PromptEditor</name>
    <message>
        <source>Describe the image you want, e.g. “a red fox in the snow at dawn, soft light” (Ctrl+Enter to submit)</source>
        <translation>تصویری را که می‌خواهید توصیف کنید، مثلاً «روباهی سرخ در برف هنگام سپیده‌دم، نور ملایم» (Ctrl+Enter برای فرستادن)</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>پرامپت</translation>
    </message>
</context>
<context>
    <name>PromptSuggestionList</name>
    <message>
        <source>Earlier prompts</source>
        <translation>پرامپت‌های پیشین</translation>
    </message>
</context>
<context>
    <name>PromptTools</name>
    <message>
        <source>St&amp;yles…</source>
        <translation>سبک‌ها (&amp;Y)…</translation>
    </message>
    <message>
        <source>Recen&amp;t prompts</source>
        <translation>پرامپت‌های اخیر (&amp;T)</translation>
    </message>
    <message>
        <source>Recent prompts</source>
        <translation>پرامپت‌های اخیر</translation>
    </message>
    <message>
        <source>Pick a style from the catalogue: it adds its words to the prompt</source>
        <translation>یک سبک از کاتالوگ برگزینید: واژه‌هایش به پرامپت افزوده می‌شود</translation>
    </message>
    <message>
        <source>Style: %1</source>
        <translation>سبک: %1</translation>
    </message>
    <message>
        <source>Remove the style</source>
        <translation>برداشتن سبک</translation>
    </message>
    <message>
        <source>Remove the style %1</source>
        <translation>برداشتن سبک %1</translation>
    </message>
    <message>
        <source>No prompts sent yet</source>
        <translation>هنوز پرامپتی فرستاده نشده</translation>
    </message>
</context>
<context>
    <name>QCommandLineParser</name>
    <message>
        <source>Displays help on commandline options.</source>
        <translation>راهنمای گزینه‌های خط فرمان را نمایش می‌دهد.</translation>
    </message>
    <message>
        <source>Displays help including Qt specific options.</source>
        <translation>راهنما را همراه با گزینه‌های ویژهٔ Qt نمایش می‌دهد.</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>باز کردن (&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Regenerate</source>
        <translation>ساخت دوباره (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Save as…</source>
        <translation>ذخیره به نام (&amp;S)…</translation>
    </message>
    <message>
        <source>Save image as</source>
        <translation>ذخیرهٔ تصویر به نام</translation>
    </message>
    <message>
        <source>Images (*.%1);;All files (*)</source>
        <translation>تصویرها (*.%1);;همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>Export to folder</source>
        <translation>خروجی در پوشه</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n images and %1 to %2.</source>
        <translation>
            <numerusform>خروجی %Ln تصویر و %1 در %2 ذخیره شد.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of them had no image on this computer yet.</source>
        <translation>
            <numerusform>%Ln مورد از آن‌ها هنوز تصویری روی این رایانه نداشت.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Remove %n from &amp;favourites</source>
        <translation>
            <numerusform>برداشتن %Ln تصویر از برگزیده‌ها (&amp;F)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Add %n to &amp;favourites</source>
        <translation>
            <numerusform>افزودن %Ln تصویر به برگزیده‌ها (&amp;F)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Export %n images…</source>
        <translation>
            <numerusform>خروجی %Ln تصویر (&amp;E)…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Hide %n on this computer</source>
        <translation>
            <numerusform>پنهان کردن %Ln تصویر روی این رایانه (&amp;H)</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>مقایسه (&amp;C)</translation>
    </message>
</context>
<context>
    <name>ReferenceFile</name>
    <message>
        <source>%1 could not be found; it may have been moved or deleted.</source>
        <translation>%1 پیدا نشد؛ شاید جابه‌جا یا حذف شده باشد.</translation>
    </message>
    <message>
        <source>%1 is already attached.</source>
        <translation>%1 پیش‌تر پیوست شده است.</translation>
    </message>
    <message>
        <source>%1 is not an image that can be read (use PNG, JPEG or WebP).</source>
        <translation>%1 تصویر خواندنی نیست (PNG، JPEG یا WebP به کار ببرید).</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>تصویرها (%1)</translation>
    </message>
    <message>
        <source>“%1”</source>
        <extracomment>a file name inside a sentence</extracomment>
        <translation>«%1»</translation>
    </message>
</context>
<context>
    <name>ReferenceStrip</name>
    <message>
        <source>Reference images</source>
        <translation>تصویرهای مرجع</translation>
    </message>
    <message>
        <source>Add images…</source>
        <translation>افزودن تصویر…</translation>
    </message>
    <message>
        <source>Add images</source>
        <translation>افزودن تصویر</translation>
    </message>
    <message>
        <source>Choose image files (or drop them here, or paste with Ctrl+V)</source>
        <translation>انتخاب پروندهٔ تصویر (یا آن‌ها را این‌جا رها کنید، یا با Ctrl+V بچسبانید)</translation>
    </message>
    <message>
        <source>Reference image problem</source>
        <translation>مشکل تصویر مرجع</translation>
    </message>
    <message>
        <source>Drop images here, paste one with Ctrl+V, or use Add images…</source>
        <translation>تصویرها را این‌جا رها کنید، یکی را با Ctrl+V بچسبانید، یا از «افزودن تصویر…» استفاده کنید</translation>
    </message>
    <message numerus="yes">
        <source>You can attach up to %n images; remove one to add another.</source>
        <translation>
            <numerusform>حداکثر %Ln تصویر می‌توانید پیوست کنید؛ برای افزودن تصویر دیگر، یکی را بردارید.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is nothing to paste.</source>
        <translation>چیزی برای چسباندن نیست.</translation>
    </message>
    <message>
        <source>The pasted image could not be read.</source>
        <translation>تصویر چسبانده‌شده خوانده نشد.</translation>
    </message>
    <message>
        <source>Only files on this computer can be attached; save %1 first.</source>
        <translation>فقط پرونده‌های روی این رایانه را می‌شود پیوست کرد؛ اول %1 را ذخیره کنید.</translation>
    </message>
    <message>
        <source>There is no image or image file to paste.</source>
        <translation>هیچ تصویر یا پروندهٔ تصویری برای چسباندن نیست.</translation>
    </message>
    <message>
        <source>The pasted image could not be saved: %1 cannot be created.</source>
        <translation>تصویر چسبانده‌شده ذخیره نشد: %1 ساخته نمی‌شود.</translation>
    </message>
    <message>
        <source>The pasted image could not be saved to %1.</source>
        <translation>تصویر چسبانده‌شده در %1 ذخیره نشد.</translation>
    </message>
    <message>
        <source>Add reference images</source>
        <translation>افزودن تصویرهای مرجع</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>همهٔ پرونده‌ها (*)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%L1 از %L2</translation>
    </message>
    <message>
        <source>%1 of %2 images attached</source>
        <translation>%L1 از %L2 تصویر پیوست شده</translation>
    </message>
</context>
<context>
    <name>ReferenceThumb</name>
    <message>
        <source>Will be downscaled</source>
        <translation>کوچک خواهد شد</translation>
    </message>
    <message>
        <source>Reference image %1</source>
        <translation>تصویر مرجع %1</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%L1 × %L2 پیکسل</translation>
    </message>
    <message>
        <source>unknown size</source>
        <translation>اندازهٔ نامعلوم</translation>
    </message>
    <message>
        <source>Over 10 MiB or longer than %1 px on one edge: it is resized before upload.</source>
        <translation>بیش از ۱۰ مبی‌بایت یا بلندتر از %L1 پیکسل در یک ضلع: پیش از بارگذاری کوچک می‌شود.</translation>
    </message>
    <message>
        <source>Will be downscaled before upload</source>
        <translation>پیش از بارگذاری کوچک می‌شود</translation>
    </message>
    <message>
        <source>Remove this image (Delete)</source>
        <translation>حذف این تصویر (Delete)</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>حذف %1</translation>
    </message>
    <message>
        <source>This image could not be previewed.</source>
        <translation>پیش‌نمایش این تصویر ساخته نشد.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Area marked</source>
        <translation>ناحیه علامت خورد</translation>
    </message>
    <message>
        <source>Mark area to change…</source>
        <translation>علامت‌گذاری ناحیهٔ تغییر…</translation>
    </message>
    <message>
        <source>Paint over the part of this image to change (M)</source>
        <translation>روی بخشی از این تصویر که باید تغییر کند رنگ بزنید (M)</translation>
    </message>
    <message>
        <source>Mark…</source>
        <translation>علامت‌گذاری…</translation>
    </message>
    <message>
        <source>Mark area to change in %1</source>
        <translation>علامت‌گذاری ناحیهٔ تغییر در %1</translation>
    </message>
    <message>
        <source>Reference image %1, area to change marked</source>
        <translation>تصویر مرجع %1، ناحیهٔ تغییر علامت خورده</translation>
    </message>
</context>
<context>
    <name>ResolutionPicker</name>
    <message>
        <source>Resolution</source>
        <translation>وضوح</translation>
    </message>
    <message>
        <source>Resolution %1</source>
        <translation>وضوح %1</translation>
    </message>
    <message>
        <source>%1 · %2 stars per image</source>
        <translation>%1 · %L2 ستاره برای هر تصویر</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>The server no longer accepts your sign-in. Sign in again; your local gallery stays available.</source>
        <translation>سرور دیگر ورود شما را نمی‌پذیرد. دوباره وارد شوید؛ گالری محلی‌تان در دسترس می‌ماند.</translation>
    </message>
    <message>
        <source>The server no longer accepts your sign-in (%1). Sign in again; your local gallery stays available.</source>
        <translation>سرور دیگر ورود شما را نمی‌پذیرد (%1). دوباره وارد شوید؛ گالری محلی‌تان در دسترس می‌ماند.</translation>
    </message>
    <message>
        <source>Your sign-in has expired. Sign in again; your local gallery stays available.</source>
        <translation>ورود شما منقضی شده است. دوباره وارد شوید؛ گالری محلی‌تان در دسترس می‌ماند.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Clear thumbnails</source>
        <translation>پاک کردن تصویرهای کوچک</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>Now connected to %1. A new address takes effect after a restart.</source>
        <translation>اکنون به %1 وصل است. نشانی تازه پس از باز کردن دوبارهٔ برنامه به کار می‌رود.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز کردن</translation>
    </message>
    <message>
        <source>How many jobs are sent to the server at the same time.</source>
        <translation>چند کار هم‌زمان به سرور فرستاده شود.</translation>
    </message>
    <message>
        <source> MiB</source>
        <translation> مبی‌بایت</translation>
    </message>
    <message>
        <source>&amp;Server</source>
        <translation>سرور (&amp;S)</translation>
    </message>
    <message>
        <source>Profile folder</source>
        <translation>پوشهٔ پروفایل</translation>
    </message>
    <message>
        <source>Thumbnail memory</source>
        <translation>حافظهٔ تصویرهای کوچک</translation>
    </message>
    <message>
        <source>&amp;Jobs at once</source>
        <translation>کارهای هم‌زمان (&amp;J)</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>مانند سیستم</translation>
    </message>
    <message>
        <source>As the language (Jalali in Persian)</source>
        <translation>مانند زبان (در فارسی خورشیدی)</translation>
    </message>
    <message>
        <source>Jalali (solar hijri)</source>
        <translation>خورشیدی (جلالی)</translation>
    </message>
    <message>
        <source>Gregorian</source>
        <translation>میلادی</translation>
    </message>
    <message>
        <source>Language and calendar apply after a restart.</source>
        <translation>زبان و تقویم پس از باز کردن دوبارهٔ برنامه به کار می‌روند.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>زبان (&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Calendar</source>
        <translation>تقویم (&amp;C)</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a server address; use one like https://example.org or http://127.0.0.1:2000.</source>
        <translation>«%1» نشانی سرور نیست؛ نشانی‌ای مانند https://example.org یا http://127.0.0.1:2000 به کار ببرید.</translation>
    </message>
    <message>
        <source>Cleared; they are made again as needed.</source>
        <translation>پاک شد؛ هر وقت لازم باشد دوباره ساخته می‌شوند.</translation>
    </message>
    <message>
        <source>Some thumbnails could not be removed; check the permissions of the profile folder.</source>
        <translation>برخی تصویرهای کوچک حذف نشدند؛ مجوزهای پوشهٔ پروفایل را بررسی کنید.</translation>
    </message>
    <message>
        <source>Sign-in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>روشن</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>تیره</translation>
    </message>
    <message>
        <source>C&amp;olours</source>
        <translation>رنگ‌ها (&amp;O)</translation>
    </message>
    <message>
        <source>Every image</source>
        <translation>همهٔ تصویرها</translation>
    </message>
    <message>
        <source>Only images I open</source>
        <translation>فقط تصویرهایی که باز می‌کنم</translation>
    </message>
    <message>
        <source>Every image keeps the whole library for offline use; the images come from the server in the background.</source>
        <translation>با «همهٔ تصویرها» کل کتابخانه برای استفادهٔ آفلاین نگه داشته می‌شود؛ تصویرها در پس‌زمینه از سرور دانلود می‌شوند.</translation>
    </message>
    <message>
        <source>&amp;Keep on this computer</source>
        <translation>نگه‌داری روی این رایانه (&amp;K)</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>در حال شمردن…</translation>
    </message>
    <message>
        <source>The newest images, up to</source>
        <translation>تازه‌ترین تصویرها، تا</translation>
    </message>
    <message>
        <source> GB</source>
        <translation> گیگابایت</translation>
    </message>
    <message>
        <source>Size of the newest images to keep</source>
        <translation>حجم تازه‌ترین تصویرهایی که نگه داشته می‌شوند</translation>
    </message>
    <message>
        <source>On disk</source>
        <translation>روی دیسک</translation>
    </message>
    <message numerus="yes">
        <source>Images %1 (%n file(s)) · thumbnails %2
%3 free on this disk</source>
        <translation>
            <numerusform>تصویرها %1 (%Ln پرونده) · تصویرهای کوچک %2
%3 فضای آزاد روی این دیسک</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Images %1 (%n file(s)) · thumbnails %2</source>
        <translation>
            <numerusform>تصویرها %1 (%Ln پرونده) · تصویرهای کوچک %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Add the sentence about the highlighted area</source>
        <translation>افزودن جمله‌ای دربارهٔ ناحیهٔ برجسته‌شده</translation>
    </message>
    <message>
        <source>A brush edit tells the model that only the highlighted area of the second image is to change.</source>
        <translation>ویرایش با قلم‌مو به مدل می‌گوید که فقط ناحیهٔ برجسته‌شدهٔ تصویر دوم باید تغییر کند.</translation>
    </message>
    <message>
        <source>Brush edits</source>
        <translation>ویرایش با قلم‌مو</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Cancel</source>
        <translation>لغو</translation>
    </message>
    <message>
        <source>Sign in to NanoBanana</source>
        <translation>ورود به نانوبنانا</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sign in to NanoBanana&lt;/b&gt;&lt;br&gt;Your images and stars follow your account.</source>
        <translation>&lt;b&gt;ورود به نانوبنانا&lt;/b&gt;&lt;br&gt;تصویرها و ستاره‌هایتان همراه حسابتان هستند.</translation>
    </message>
    <message>
        <source>Server address</source>
        <translation>نشانی سرور</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>سرور (&amp;S):</translation>
    </message>
    <message>
        <source>&amp;Phone number</source>
        <translation>شمارهٔ تلفن (&amp;P)</translation>
    </message>
    <message>
        <source>Use a &amp;token</source>
        <translation>با توکن (&amp;T)</translation>
    </message>
    <message>
        <source>Sign-in method</source>
        <translation>روش ورود</translation>
    </message>
    <message>
        <source>Cancel sign-in</source>
        <translation>لغو ورود</translation>
    </message>
    <message>
        <source>+49 151 23456789</source>
        <translation>+98 912 123 4567</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>شمارهٔ تلفن</translation>
    </message>
    <message>
        <source>Send code</source>
        <translation>فرستادن کد</translation>
    </message>
    <message>
        <source>Phone &amp;number</source>
        <translation>شمارهٔ تلفن (&amp;N)</translation>
    </message>
    <message>
        <source>Include your country code. We will text you a 6-digit code.</source>
        <translation>کد کشور را هم بنویسید. یک کد ۶ رقمی برایتان پیامک می‌کنیم.</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>کد تأیید</translation>
    </message>
    <message>
        <source>Sign in with the code</source>
        <translation>ورود با کد</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation>فرستادن دوبارهٔ کد</translation>
    </message>
    <message>
        <source>Use another number</source>
        <translation>شمارهٔ دیگر</translation>
    </message>
    <message>
        <source>Use another phone number</source>
        <translation>استفاده از شمارهٔ تلفن دیگر</translation>
    </message>
    <message>
        <source>Paste the whole text message if you like; the code is picked out of it.</source>
        <translation>اگر بخواهید کل پیامک را بچسبانید؛ کد از آن بیرون کشیده می‌شود.</translation>
    </message>
    <message>
        <source>Paste the token here</source>
        <translation>توکن را این‌جا بچسبانید</translation>
    </message>
    <message>
        <source>Access token</source>
        <translation>توکن دسترسی</translation>
    </message>
    <message>
        <source>Sign in with token</source>
        <translation>ورود با توکن</translation>
    </message>
    <message>
        <source>Sign in with the token</source>
        <translation>ورود با این توکن</translation>
    </message>
    <message>
        <source>Access &amp;token</source>
        <translation>توکن دسترسی (&amp;T)</translation>
    </message>
    <message>
        <source>Use a token you got elsewhere, for example from the web app. It stays on this computer.</source>
        <translation>توکنی را به کار ببرید که از جای دیگری گرفته‌اید، مثلاً از نسخهٔ وب. روی همین رایانه می‌ماند.</translation>
    </message>
    <message>
        <source>Enter the server’s address, starting with https:// (or http:// for a local server).</source>
        <translation>نشانی سرور را وارد کنید، با https:// در آغاز (یا http:// برای سرور محلی).</translation>
    </message>
    <message>
        <source>Enter your phone number with its country code: a + and 10 to 15 digits, like +49 151 23456789.</source>
        <translation>شمارهٔ تلفن را با کد کشور وارد کنید: یک + و ۱۰ تا ۱۵ رقم، مانند +98 912 123 4567.</translation>
    </message>
    <message>
        <source>Sending a code to %1…</source>
        <translation>در حال فرستادن کد به %1…</translation>
    </message>
    <message>
        <source>Enter the 6-digit &amp;code we sent to %1.</source>
        <translation>کد ۶ رقمی را که به %1 فرستادیم وارد کنید (&amp;C).</translation>
    </message>
    <message>
        <source>That does not look like a 6-digit code; check the message and try again.</source>
        <translation>این کد ۶ رقمی به نظر نمی‌رسد؛ پیامک را بررسی کنید و دوباره امتحان کنید.</translation>
    </message>
    <message>
        <source>Enter the 6-digit code from the text message.</source>
        <translation>کد ۶ رقمی پیامک را وارد کنید.</translation>
    </message>
    <message>
        <source>Checking the code…</source>
        <translation>در حال بررسی کد…</translation>
    </message>
    <message>
        <source>Paste your access token first.</source>
        <translation>اول توکن دسترسی‌تان را بچسبانید.</translation>
    </message>
    <message>
        <source>A token is one piece of text without spaces or line breaks; copy it again.</source>
        <translation>توکن یک تکه متن بدون فاصله و شکست خط است؛ دوباره رونوشتش کنید.</translation>
    </message>
    <message>
        <source>Checking the token…</source>
        <translation>در حال بررسی توکن…</translation>
    </message>
    <message>
        <source>Resend code (%1 s)</source>
        <translation>فرستادن دوبارهٔ کد (%L1 ثانیه)</translation>
    </message>
</context>
<context>
    <name>SignInFlow</name>
    <message>
        <source>%1 is saved as your server. Restart NanoBanana Studio to sign in there; until then it talks to %2.</source>
        <translation>%1 به عنوان سرور شما ذخیره شد. برای ورود به آن نانوبنانا استودیو را دوباره باز کنید؛ تا آن زمان با %2 کار می‌کند.</translation>
    </message>
</context>
<context>
    <name>StatusIndicators</name>
    <message>
        <source>Your star balance</source>
        <translation>موجودی ستاره‌هایتان</translation>
    </message>
</context>
<context>
    <name>StylePicker</name>
    <message>
        <source>&amp;Refresh</source>
        <translation>تازه‌سازی (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Use this style</source>
        <translation>به‌کارگیری این سبک (&amp;U)</translation>
    </message>
    <message>
        <source>Styles</source>
        <translation>سبک‌ها</translation>
    </message>
    <message>
        <source>Search styles</source>
        <translation>جست‌وجوی سبک‌ها</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>دسته</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>جست‌وجو (&amp;S):</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>دسته (&amp;A):</translation>
    </message>
    <message>
        <source>All styles</source>
        <translation>همهٔ سبک‌ها</translation>
    </message>
    <message>
        <source>Loading the styles…</source>
        <translation>در حال بارگیری سبک‌ها…</translation>
    </message>
    <message>
        <source>The styles could not be loaded: %1</source>
        <translation>سبک‌ها بارگیری نشدند: %1</translation>
    </message>
    <message>
        <source>No styles yet.</source>
        <translation>هنوز سبکی نیست.</translation>
    </message>
    <message>
        <source>Showing the styles saved on %1; the server could not be reached.</source>
        <translation>سبک‌های ذخیره‌شده در %1 نشان داده می‌شوند؛ به سرور دسترسی نبود.</translation>
    </message>
    <message>
        <source>No style matches your search.</source>
        <translation>هیچ سبکی با جست‌وجوی شما جور نیست.</translation>
    </message>
    <message numerus="yes">
        <source>%n style(s)</source>
        <translation>
            <numerusform>%Ln سبک</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ThumbnailCache</name>
    <message>
        <source>The thumbnail size must be positive.</source>
        <translation>اندازهٔ تصویر کوچک باید مثبت باشد.</translation>
    </message>
    <message>
        <source>%1 is not a readable image (%2).</source>
        <translation>%1 تصویر خواندنی نیست (%2).</translation>
    </message>
    <message>
        <source>%1 is %2×%3 pixels, over the size limit.</source>
        <translation>%1 %2×%3 پیکسل است، بیش از حد مجاز اندازه.</translation>
    </message>
    <message>
        <source>%1 could not be decoded (%2).</source>
        <translation>%1 رمزگشایی نشد (%2).</translation>
    </message>
</context>
<context>
    <name>TokenStore</name>
    <message>
        <source>The keychain refused to keep your sign-in, so it is kept in %1, readable by you alone. Allow the keychain and sign in again to move it there.</source>
        <translation>جاکلیدی اجازهٔ نگه‌داشتن ورود شما را نداد، پس ورود در %1 نگه داشته می‌شود و فقط خودتان می‌توانید آن را بخوانید. به جاکلیدی اجازه بدهید و دوباره وارد شوید تا به آن‌جا برود.</translation>
    </message>
    <message>
        <source>No system keychain is available, so your sign-in is kept in %1, readable by you alone.</source>
        <translation>جاکلیدی سیستم در دسترس نیست، پس ورود شما در %1 نگه داشته می‌شود و فقط خودتان می‌توانید آن را بخوانید.</translation>
    </message>
</context>
</TS>
