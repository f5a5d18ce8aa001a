language-name = العربية

welcome =
    مرحباً { $name }! 👋
    أنا <b>موجز</b>: أجيب عن أسئلتك من ملف إخباري عن العلاقات الروسية الصينية ({ $count } مقالات)، بالمقاطع المطابقة ونقاط رئيسية ومصادر تفتحها بضغطة.

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

    في أي محادثة: اكتب @{ $bot } ثم سؤالك.

answer-title = 🔎 <b>{ $query }</b>
key-points = <b>النقاط الرئيسية</b>
passages = <b>المقاطع</b>
passages-range = <b>المقاطع { $from }–{ $to } من { $total }</b>
sources-heading = <b>المصادر</b>
citation = [{ $n }] { $title } — { $date } — الفقرة { $paragraph }
undated = بلا تاريخ
no-match =
    لم أجد في الملف ما يطابق «{ $query }».
    جرّب كلمات أخرى أو أقصر، مثل: بوتين، التجارة، أوكرانيا، مجلس الأمن. أو تصفح /sources.
no-searchable-text = أقرأ النصوص العربية والإنجليزية فقط. اكتب سؤالك بالكلمات، مثل: ما حجم التجارة بين روسيا والصين؟
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
article-meta = { $date } — { $paragraphs } فقرات
article-part = (الجزء { $part } من { $parts })
article-author = ✍️ { $author }
article-usage = اكتب رقم المقال بعد الأمر، مثل <code>/article 1</code>. المقالات المتاحة: 1 إلى { $count }. أو اختر من /sources.
article-not-found = لا يوجد مقال بالرقم «{ $ref }». المقالات المتاحة: 1 إلى { $count }.

sources-title = <b>مقالات الملف ({ $count })</b>
sources-line = { $n }. { $title } — { $date }
sources-page = (صفحة { $page } من { $pages })

summary-title = 📝 <b>خلاصة: { $title }</b>
briefing-summary-title = 📝 <b>خلاصة الملف</b> ({ $count } مقالات)
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

source-line = { $title } — { $date } — الفقرة { $paragraph }
inline-key-points = النقاط الرئيسية: { $query }
inline-briefing-summary = خلاصة الملف ({ $count } مقالات)
inline-no-match = لا نتائج — افتح موجز
button-continue-private = 💬 المزيد في محادثة خاصة
button-read-private = 💬 اقرأ في محادثة خاصة
button-share = ↗️ مشاركة في محادثة
group-intro =
    مرحباً! أنا <b>موجز</b>، أجيب من ملف إخباري عن العلاقات الروسية الصينية.
    في هذه المجموعة: اذكرني ثم اكتب سؤالك (@{ $bot } ما حجم التجارة؟)، أو رُدّ على إحدى رسائلي، أو استخدم /search@{ $bot } سؤال.
    ومن أي محادثة: اكتب @{ $bot } ثم سؤالك لتشارك مقطعاً موثقاً.
group-limited = طلبات كثيرة من هذه المجموعة. سأعود للإجابة بعد دقيقة.
