language-name = English

welcome =
    Hello { $name }! 👋
    I am <b>mujaz</b>: I answer your questions from a news briefing on Russia–China relations ({ $count ->
            [one] 1 article
           *[other] { $count } articles
        }, in Arabic), with the matching passages, key points and sources you can open.

    For a daily brief at a time you choose: /subscribe (and /settings to change it).

    Type a question, in Arabic or English, or try one of these:
example-1 = ما حجم التبادل التجاري بين روسيا والصين؟
example-2 = What did Putin say about relations with China?
example-3 = ما هو مشروع أوراسيا الكبرى؟

help =
    <b>How to use mujaz</b>
    Ask anything about Russia–China relations; I reply with key points, the matching passages and their sources.

    /search question — search the briefing
    /sources — the articles and their dates
    /article number — a whole article (e.g. /article 2)
    /summary — key points of the briefing; /summary number for one article
    /language — change the language
    /help — this message

    <b>Daily brief</b>
    /subscribe — a daily brief at the time you choose (or in one line: /subscribe 08:30 Cairo)
    /settings — your subscription: pause, change, unsubscribe
    /digest — the brief now
    /unsubscribe — stop the daily brief

    In any chat: type @{ $bot } and your question.

answer-title = 🔎 <b>{ $query }</b>
key-points = <b>Key points</b>
passages = <b>Passages</b> (quoted in Arabic)
passages-range = <b>Passages { $from }–{ $to } of { $total }</b> (quoted in Arabic)
passage-of = <b>Passage { $from } of { $total }</b> (quoted in Arabic)
sources-heading = <b>Sources</b>
undated = undated
no-match =
    Nothing in the briefing matches “{ $query }”.
    Try other or fewer words, e.g. Putin, trade, Ukraine, Security Council — or browse /sources.
not-covered = The briefing does not cover this: “{ $query }”.
not-covered-missing = It never mentions { $names }.
not-covered-price = It gives no price or amount of money for it.
not-covered-count = It mentions “{ $noun }” but gives no number.
not-covered-name = It mentions “{ $title }” but gives no name.
not-covered-said = It reports nothing { $name } said about it.
not-covered-later = It says nothing of a next one.
not-covered-date = It gives no date or length of time for it.
not-covered-closest = The closest articles it has:
not-covered-sources = Browse every article: /sources
no-searchable-text = I read Arabic and English text only. Type your question in words, e.g. How big is Russia–China trade?
chatter-greeting = Hello! 👋 I answer questions on Russia–China relations from the news briefing. Type a question, or try this one:
chatter-thanks = You're welcome! 🌷 Ask any time, for example:
chatter-farewell = Goodbye! 👋 Come back any time, and ask for example:
chatter-acknowledgement = 👍 If you have another question, type it, for example:
follow-up-note = (read with your last question: “{ $previous }”)
glosses = Matched in Arabic: { $pairs }
quoted-in-arabic = (quoted in Arabic)
query-cut = (Your question is long; I searched its beginning.)
search-usage = Type your question after the command, e.g. <code>/search trade</code>, or pick one:
button-more = More ➡️
button-previous = ⬅️ Previous
button-open = 📄 { $n }
button-full-article = 📰 Whole article
button-summary = 📝 Key points
button-next-paragraph = Next paragraph ➡️
button-previous-paragraph = ⬅️ Previous paragraph
button-next-part = Continue ➡️
button-previous-part = ⬅️ Back
expired = This button has expired. Please send your question again.
nothing-more = No more results.

paragraph-heading = <b>{ $title }</b>
paragraph-meta = { $date } — paragraph { $paragraph } of { $total }
article-meta = { $date } — { $paragraphs ->
        [one] 1 paragraph
       *[other] { $paragraphs } paragraphs
    }
article-part = (part { $part } of { $parts })
article-author = ✍️ { $author }
article-usage = Type the article's number after the command, e.g. <code>/article 1</code>. Articles: 1 to { $count }. Or pick one in /sources.
article-not-found = There is no article “{ $ref }”. Articles: 1 to { $count }.

sources-title = <b>Articles in the briefing ({ $count })</b>
sources-line = { $n }. { $title } — { $date }
sources-page = (page { $page } of { $pages })

summary-title = 📝 <b>Key points: { $title }</b>
briefing-summary-title = 📝 <b>Key points of the briefing</b> ({ $count ->
        [one] 1 article
       *[other] { $count } articles
    })
summary-empty = This article has too little text for key points.

language-prompt = Choose a language:
language-set = Done. I will speak English with you.

unknown-command = I don't know the command { $command }. Type /help for the commands, or just ask your question.
non-text = I read text messages only. Type your question in words, e.g. How big is Russia–China trade?
rate-limited = Too many messages in a short time. Please wait a minute and try again.
error-apology = Sorry, something went wrong while preparing the reply. Please try again shortly.

command-start = Start and examples
command-help = How to use the bot
command-search = Search the briefing
command-sources = Articles and their sources
command-article = Read a whole article
command-summary = Key points of the briefing or an article
command-language = Change the language

source-line = { $article }{ $date } — { $count ->
        [one] paragraph { $paragraphs }
       *[other] paragraphs { $paragraphs }
    }
source-article = article { $n }: { $title }
inline-key-points = Key points: { $query }
inline-briefing-summary = Key points of the briefing ({ $count ->
        [one] 1 article
       *[other] { $count } articles
    })
inline-no-match = No results — open mujaz
inline-not-covered = The briefing never mentions { $names } — open mujaz
inline-no-price = The briefing gives no amount for this — open mujaz
inline-no-count = The briefing gives no number for this — open mujaz
inline-no-name = The briefing gives no name for this — open mujaz
inline-no-said = The briefing reports nothing said about this — open mujaz
inline-no-later = The briefing says nothing of a next one — open mujaz
button-continue-private = 💬 More in a private chat
button-read-private = 💬 Read in a private chat
button-share = ↗️ Share in a chat
group-intro =
    Hello! I am <b>mujaz</b>; I answer from a news briefing on Russia–China relations.
    In this group: mention me with your question (@{ $bot } how big is trade?), reply to one of my messages, or use /search@{ $bot } question.
    From any chat: type @{ $bot } and a question to share a cited passage.
group-limited = Too many requests from this group. I will answer again in a minute.

digest-title = 📰 <b>Today's brief</b> — { $date } ({ $count } new)
digest-preview-title = 📰 <b>The brief now</b> — { $date } ({ $count } new)
digest-topic = Topic: { $topic }
digest-nothing-new = Nothing new in the briefing since your last digest.
digest-paragraph = (paragraph { $paragraph })

subscribe-ask-time = 🕗 When do you want the brief each day? Pick a time, or type it as HH:MM (e.g. 08:30).
subscribe-bad-time = I did not understand the time “{ $text }”. Type it like 08:30 (00:00 to 23:59).
subscribe-ask-zone = 🌍 In which time zone? Pick one, or type your city (e.g. Cairo, الرياض or Africa/Cairo).
subscribe-bad-zone = I don't know the time zone “{ $text }”.
subscribe-ask-topic = 🏷 Only a topic? Type its words (e.g. energy Ukraine), or pick “All articles”.
subscribe-bad-topic = Type the topic's words in Arabic or English, under 100 characters, or pick “All articles”.
subscribe-confirm = I will send the brief every day at { $time } ({ $zone }), about: { $topic }. Confirm?
subscribe-done = ✅ Subscribed: every day at { $time } ({ $zone }), about: { $topic }. Change it any time in /settings.
subscribe-cancelled = Subscription cancelled before it was complete; nothing was saved.
subscribe-wrong-time = The time “{ $text }” is not right: type it like 08:30 (00:00 to 23:59), then the time zone, e.g. <code>/subscribe 08:30 Cairo</code>
subscribe-wrong-zone = The time is fine, but I don't know the time zone “{ $text }”.
subscribe-missing-zone = The time zone is missing after the time, e.g. <code>/subscribe { $time } Cairo</code>
subscribe-missing-time = The time is missing before the time zone, e.g. <code>/subscribe 08:30 { $zone }</code>
zone-did-you-mean = Did you mean: { $zones }?
zone-examples = Type a city like Cairo, Riyadh or Dubai, a name like Europe/Moscow, or an offset like UTC+3.
first-digest-today = Your first brief comes today at { $time }.
first-digest-tomorrow = Your first brief comes tomorrow at { $time }.
subscribe-topic-kept = I kept your topic: { $topic }. To change or clear it: /settings, then “Change time or topic”.
nothing-to-cancel = There is nothing to cancel.
subscribe-left = (You left the subscription set-up; nothing was saved.)
subscribe-change-cancelled = Change cancelled; your subscription stays as it was: every day at { $time } ({ $zone }), about: { $topic }.
unsubscribe-confirm = Unsubscribe from the daily brief?
button-unsubscribe-yes = 🗑 Yes, unsubscribe
button-unsubscribe-no = ↩️ Back
subscribe-admins-only = In groups, only the group's admins can subscribe it.
topic-all = all articles
button-all-topics = All articles
button-confirm = ✅ Confirm
button-cancel = ✖️ Cancel
zone-Asia-Riyadh = Riyadh
zone-Africa-Cairo = Cairo
zone-Asia-Dubai = Dubai
zone-Asia-Baghdad = Baghdad
zone-Europe-Moscow = Moscow
zone-Asia-Shanghai = Beijing / Shanghai
zone-UTC = UTC
settings-none = You are not subscribed to the daily brief. Subscribe with /subscribe.
settings-show =
    <b>Your daily brief</b>
    Time: { $time } ({ $zone })
    Topic: { $topic }
    Status: { $status }
    When nothing is new: { $empty }
status-active = on
status-paused = paused
status-inactive = stopped (messages to this chat could not be delivered)
empty-skip = send nothing
empty-note = send a short note
button-pause = ⏸ Pause
button-resume = ▶️ Resume
button-empty-on = 🔔 Note when nothing is new
button-empty-off = 🔕 Nothing when nothing is new
button-edit = ✏️ Change time or topic
button-unsubscribe = 🗑 Unsubscribe
settings-paused = ⏸ The brief is paused.
settings-resumed = ▶️ The brief is back on.
settings-saved = Saved.
unsubscribed = You are unsubscribed from the daily brief.
admin-stats =
    <b>mujaz statistics</b>
    Subscribers: { $active } active, { $paused } paused, { $inactive } stopped
    Digests sent in the last 24 hours: { $sent }
    Last scheduler run: { $lastRun }
    Articles: { $articles } ({ $passages ->
            [one] 1 paragraph
           *[other] { $passages } paragraphs
        })
    Groups: { $groups }
admin-never = not yet
admin-reloaded = Briefing reloaded: { $added ->
        [one] 1 new article
       *[other] { $added } new articles
    }, { $total } in all.
command-subscribe = Subscribe to a daily brief
command-settings = Daily brief settings
command-unsubscribe = Stop the daily brief
command-digest = The brief now
