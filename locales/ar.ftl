language-name = العربية

welcome =
    مرحباً { $name }! 👋
    أنا <b>موجز</b>: أجيب عن أسئلتك من ملف إخباري عن العلاقات الروسية الصينية ({ $count ->
            [one] مقال واحد
            [two] مقالان
            [few] { $count } مقالات
            [many] { $count } مقالاً
           *[other] { $count } مقال
        })، بالمقاطع المطابقة ونقاط رئيسية ومصادر تفتحها بضغطة.

    ولموجز يومي بالوقت الذي تختاره: /subscribe (ثم /settings لتغييره).

    اكتب سؤالك مباشرة، أو جرّب أحد هذه الأسئلة:
example-1 = ما حجم التبادل التجاري بين روسيا والصين؟
example-2 = ماذا قال بوتين عن العلاقات مع الصين؟
example-3 = ما هو مشروع أوراسيا الكبرى؟

help =
    <b>كيف أستخدم موجز؟</b>
    اكتب أي سؤال عن العلاقات الروسية الصينية، فأرد بالنقاط الرئيسية والمقاطع المطابقة ومصادرها.

    /search سؤال — البحث في الملف
    /sources — المقالات وتواريخها
    /article رقم — نص المقال كاملاً (مثل /article 2)
    /summary — خلاصة الملف كله، و /summary رقم لخلاصة مقال
    /language — تغيير اللغة
    /help — هذه الرسالة

    <b>الموجز اليومي</b>
    /subscribe — اشترك في موجز يومي بالوقت الذي تختاره (أو في سطر واحد: /subscribe 08:30 القاهرة)
    /settings — اشتراكك: إيقاف مؤقت، تغيير، إلغاء
    /digest — الموجز الآن
    /unsubscribe — إلغاء الموجز اليومي

    في أي محادثة: اكتب @{ $bot } ثم سؤالك.

answer-title = 🔎 <b>{ $query }</b>
key-points = <b>النقاط الرئيسية</b>
passages = <b>المقاطع</b>
passages-range = <b>المقاطع { $from }–{ $to } من { $total }</b>
passage-of = <b>المقطع { $from } من { $total }</b>
sources-heading = <b>المصادر</b>
undated = بلا تاريخ
no-match =
    لم أجد في الملف ما يطابق «{ $query }».
    جرّب كلمات أخرى أو أقصر، مثل: بوتين، التجارة، أوكرانيا، مجلس الأمن. أو تصفح /sources.
not-covered = لا يتناول الملف ما سألت عنه: «{ $query }».
not-covered-missing = لا يرد فيه ذكر: { $names }.
not-covered-price = لا يذكر الملف سعرًا أو مبلغًا لذلك.
not-covered-count = يرد فيه ذكر «{ $noun }» دون عدد.
not-covered-name = يرد فيه ذكر «{ $title }» دون اسم.
not-covered-said = لا ينقل الملف عن { $name } قولًا في ذلك.
not-covered-later = لا يذكر الملف موعدًا مقبلًا لذلك.
not-covered-date = لا يذكر الملف تاريخًا أو مدة لذلك.
not-covered-closest = أقرب ما فيه من موضوعات:
not-covered-sources = تصفح المقالات كلها: /sources
no-searchable-text = أقرأ النصوص العربية والإنجليزية فقط. اكتب سؤالك بالكلمات، مثل: ما حجم التجارة بين روسيا والصين؟
chatter-greeting = أهلاً بك! 👋 أجيب عن أسئلتك عن العلاقات الروسية الصينية من ملف الأخبار. اكتب سؤالك، أو جرّب هذا:
chatter-thanks = العفو! 🌷 اسأل متى شئت، مثلاً:
chatter-farewell = في أمان الله! 👋 عد متى شئت، واسأل مثلاً:
chatter-acknowledgement = 👍 إن كان لديك سؤال آخر فاكتبه، مثلاً:
follow-up-note = (مع سؤالك السابق: «{ $previous }»)
glosses = الكلمات المطابقة: { $pairs }
quoted-in-arabic = (نص الاقتباس بالعربية)
query-cut = (سؤالك طويل؛ بحثت في أوله فقط.)
search-usage = اكتب سؤالك بعد الأمر، مثل: <code>/search التبادل التجاري</code>، أو اختر سؤالاً:
button-more = ⬅️ المزيد
button-previous = السابق ➡️
button-open = 📄 { $n }
button-full-article = 📰 المقال كاملاً
button-summary = 📝 الخلاصة
button-next-paragraph = ⬅️ الفقرة التالية
button-previous-paragraph = الفقرة السابقة ➡️
button-next-part = ⬅️ التتمة
button-previous-part = ➡️ السابق
expired = انتهت صلاحية هذا الزر. أعد إرسال سؤالك.
nothing-more = لا مزيد من النتائج.

paragraph-heading = <b>{ $title }</b>
paragraph-meta = { $date } — الفقرة { $paragraph } من { $total }
article-meta = { $date } — { $paragraphs ->
        [one] فقرة واحدة
        [two] فقرتان
        [few] { $paragraphs } فقرات
       *[other] { $paragraphs } فقرة
    }
article-part = (الجزء { $part } من { $parts })
article-author = ✍️ { $author }
article-usage = اكتب رقم المقال بعد الأمر، مثل <code>/article 1</code>. المقالات المتاحة: 1 إلى { $count }. أو اختر من /sources.
article-not-found = لا يوجد مقال بالرقم «{ $ref }». المقالات المتاحة: 1 إلى { $count }.

sources-title = <b>مقالات الملف ({ $count })</b>
sources-line = { $n }. { $title } — { $date }
sources-page = (صفحة { $page } من { $pages })

summary-title = 📝 <b>خلاصة: { $title }</b>
briefing-summary-title = 📝 <b>خلاصة الملف</b> ({ $count ->
        [one] مقال واحد
        [two] مقالان
        [few] { $count } مقالات
        [many] { $count } مقالاً
       *[other] { $count } مقال
    })
summary-empty = لا نقاط كافية في هذا المقال لخلاصة.

language-prompt = اختر اللغة:
language-set = تم. سأتحدث معك بالعربية.

unknown-command = لا أعرف الأمر { $command }. اكتب /help لترى الأوامر، أو اكتب سؤالك مباشرة.
non-text = أقرأ الرسائل النصية فقط. اكتب سؤالك بالكلمات، مثل: ما حجم التبادل التجاري بين روسيا والصين؟
rate-limited = رسائل كثيرة في وقت قصير. انتظر دقيقة ثم أعد المحاولة.
error-apology = عذراً، حدث خطأ أثناء تجهيز الرد. حاول مرة أخرى بعد قليل.

command-start = البداية وأمثلة
command-help = طريقة الاستخدام
command-search = البحث في الملف
command-sources = المقالات ومصادرها
command-article = نص مقال كامل
command-summary = خلاصة الملف أو مقال
command-language = تغيير اللغة

source-line = { $article }{ $date } — { $count ->
        [one] الفقرة { $paragraphs }
        [two] الفقرتان { $paragraphs }
       *[other] الفقرات { $paragraphs }
    }
source-article = المقال { $n }: { $title }
inline-key-points = النقاط الرئيسية: { $query }
inline-briefing-summary = خلاصة الملف ({ $count ->
        [one] مقال واحد
        [two] مقالان
        [few] { $count } مقالات
        [many] { $count } مقالاً
       *[other] { $count } مقال
    })
inline-no-match = لا نتائج — افتح موجز
inline-not-covered = لا يرد في الملف ذكر: { $names } — افتح موجز
inline-no-price = لا يذكر الملف مبلغًا لذلك — افتح موجز
inline-no-count = لا يذكر الملف عددًا لذلك — افتح موجز
inline-no-name = لا يذكر الملف الاسم — افتح موجز
inline-no-said = لا ينقل الملف قولًا في ذلك — افتح موجز
inline-no-later = لا يذكر الملف موعدًا مقبلًا — افتح موجز
button-continue-private = 💬 المزيد في محادثة خاصة
button-read-private = 💬 اقرأ في محادثة خاصة
button-share = ↗️ مشاركة في محادثة
group-intro =
    مرحباً! أنا <b>موجز</b>، أجيب من ملف إخباري عن العلاقات الروسية الصينية.
    في هذه المجموعة: اذكرني ثم اكتب سؤالك (@{ $bot } ما حجم التجارة؟)، أو رُدّ على إحدى رسائلي، أو استخدم /search@{ $bot } سؤال.
    ومن أي محادثة: اكتب @{ $bot } ثم سؤالك لتشارك مقطعاً موثقاً.
group-limited = طلبات كثيرة من هذه المجموعة. سأعود للإجابة بعد دقيقة.

digest-title = 📰 <b>موجز اليوم</b> — { $date } ({ $count ->
        [zero] لا جديد
        [one] مقال جديد
        [two] مقالان جديدان
        [few] { $count } مقالات جديدة
        [many] { $count } مقالاً جديداً
       *[other] { $count } مقال جديد
    })
digest-preview-title = 📰 <b>الموجز الآن</b> — { $date } ({ $count ->
        [zero] لا جديد
        [one] مقال جديد
        [two] مقالان جديدان
        [few] { $count } مقالات جديدة
        [many] { $count } مقالاً جديداً
       *[other] { $count } مقال جديد
    })
digest-topic = الموضوع: { $topic }
digest-nothing-new = لا جديد في الملف منذ آخر موجز.
digest-paragraph = (الفقرة { $paragraph })

subscribe-ask-time = 🕗 متى تريد الموجز كل يوم؟ اختر وقتاً، أو اكتبه بصيغة HH:MM (مثل 08:30 أو ٠٨:٣٠).
subscribe-bad-time = لم أفهم الوقت «{ $text }». اكتبه هكذا: 08:30 أو ٠٨:٣٠ (من 00:00 إلى 23:59).
subscribe-ask-zone = 🌍 في أي منطقة زمنية؟ اختر، أو اكتب مدينتك (مثل القاهرة أو Riyadh أو Africa/Cairo).
subscribe-bad-zone = لا أعرف المنطقة الزمنية «{ $text }».
subscribe-ask-topic = 🏷 هل تريد موضوعاً محدداً؟ اكتب كلماته (مثل: الطاقة أوكرانيا)، أو اختر «كل المقالات».
subscribe-bad-topic = اكتب كلمات الموضوع بالعربية أو الإنجليزية، في أقل من 100 حرف، أو اختر «كل المقالات».
subscribe-confirm = سأرسل الموجز كل يوم الساعة { $time } بتوقيت { $zone }، عن: { $topic }. تأكيد؟
subscribe-done = ✅ تم الاشتراك: كل يوم الساعة { $time } بتوقيت { $zone }، عن: { $topic }. غيّر ذلك متى شئت من /settings.
subscribe-cancelled = أُلغي الاشتراك قبل إتمامه، ولم يُحفظ شيء.
subscribe-wrong-time = الوقت «{ $text }» غير صحيح: اكتبه هكذا 08:30 أو ٠٨:٣٠ (من 00:00 إلى 23:59)، ثم المنطقة الزمنية، مثل: <code>/subscribe 08:30 القاهرة</code>
subscribe-wrong-zone = الوقت صحيح، لكني لا أعرف المنطقة الزمنية «{ $text }».
subscribe-missing-zone = ينقص المنطقة الزمنية بعد الوقت، مثل: <code>/subscribe { $time } القاهرة</code>
subscribe-missing-time = ينقص الوقت قبل المنطقة الزمنية، مثل: <code>/subscribe 08:30 { $zone }</code>
zone-did-you-mean = هل تقصد: { $zones }؟
zone-examples = اكتب اسم مدينة مثل القاهرة أو الرياض أو دبي، أو اسماً مثل Europe/Moscow، أو فرق التوقيت مثل UTC+3.
first-digest-today = يصلك أول موجز اليوم الساعة { $time }.
first-digest-tomorrow = يصلك أول موجز غداً الساعة { $time }.
subscribe-topic-kept = أبقيت موضوعك السابق: { $topic }. لتغييره أو إزالته: /settings ثم «تغيير الوقت أو الموضوع».
nothing-to-cancel = لا شيء لإلغائه الآن.
subscribe-left = (تركتَ إعداد الاشتراك دون حفظ.)
subscribe-change-cancelled = أُلغي التغيير، واشتراكك الحالي باقٍ كما هو: كل يوم الساعة { $time } بتوقيت { $zone }، عن: { $topic }.
unsubscribe-confirm = هل تريد إلغاء اشتراكك في الموجز اليومي؟
button-unsubscribe-yes = 🗑 نعم، ألغِ الاشتراك
button-unsubscribe-no = ↩️ تراجع
subscribe-admins-only = في المجموعات، يشترك مشرفو المجموعة فقط.
topic-all = كل المقالات
button-all-topics = كل المقالات
button-confirm = ✅ تأكيد
button-cancel = ✖️ إلغاء
zone-Asia-Riyadh = الرياض
zone-Africa-Cairo = القاهرة
zone-Asia-Dubai = دبي
zone-Asia-Baghdad = بغداد
zone-Europe-Moscow = موسكو
zone-Asia-Shanghai = بكين / شنغهاي
zone-UTC = UTC
settings-none = لست مشتركاً في الموجز اليومي. اشترك بـ /subscribe.
settings-show =
    <b>اشتراكك في الموجز اليومي</b>
    الوقت: { $time } بتوقيت { $zone }
    الموضوع: { $topic }
    الحالة: { $status }
    عند عدم وجود جديد: { $empty }
status-active = يعمل
status-paused = متوقف مؤقتاً
status-inactive = متوقف (تعذّر الإرسال إلى هذه المحادثة)
empty-skip = لا أرسل شيئاً
empty-note = أرسل ملاحظة قصيرة
button-pause = ⏸ إيقاف مؤقت
button-resume = ▶️ استئناف
button-empty-on = 🔔 أرسل ملاحظة عند عدم الجديد
button-empty-off = 🔕 لا ترسل شيئاً عند عدم الجديد
button-edit = ✏️ تغيير الوقت أو الموضوع
button-unsubscribe = 🗑 إلغاء الاشتراك
settings-paused = ⏸ أوقفت الموجز مؤقتاً.
settings-resumed = ▶️ استُؤنف الموجز.
settings-saved = تم الحفظ.
unsubscribed = تم إلغاء اشتراكك في الموجز اليومي.
admin-stats =
    <b>إحصاءات موجز</b>
    المشتركون: { $active } نشط، { $paused } متوقف مؤقتاً، { $inactive } معطّل
    موجزات أُرسلت خلال 24 ساعة: { $sent }
    آخر تشغيل للجدولة: { $lastRun }
    المقالات: { $articles } ({ $passages ->
            [one] فقرة واحدة
            [two] فقرتان
            [few] { $passages } فقرات
           *[other] { $passages } فقرة
        })
    المجموعات: { $groups }
admin-never = لم يحدث بعد
admin-reloaded = أُعيدت قراءة الملف: { $added ->
        [zero] لا جديد
        [one] مقال جديد
        [two] مقالان جديدان
        [few] { $added } مقالات جديدة
        [many] { $added } مقالاً جديداً
       *[other] { $added } مقال جديد
    }، { $total } في المجموع.
command-subscribe = الاشتراك في موجز يومي
command-settings = إعدادات الموجز اليومي
command-unsubscribe = إلغاء الموجز اليومي
command-digest = الموجز الآن
