// The lexicon. Entry point: Lexicon::match. Tested by tests/lexicon_test.cpp.
//
// Every pattern names a general form of clutter, in English and, where it is common, German,
// French and Spanish (and other European languages, Chinese and Japanese, in fewer forms); none
// names one site. Whole-line patterns are anchored and only tried on blocks
// of at most the word count given for their category, so a body paragraph that happens to contain
// "share" or a date is never matched as a prompt or a date line.
#include "lexicon.h"

#include "needle_set.h"
#include "utf8.h"

#include <boost/regex.hpp>

#include <algorithm>
#include <deque>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace winnow {
namespace {

struct CategoryPatterns {
  LexiconCategory category;
  int max_words;            // only blocks of at most this many words are tried
  const char* pattern;      // lower case, matched against the whole lower-cased block (regex_search)
  bool weak = false;        // legal words that a news sentence may use too ("copyright", "privacy policy")
  // A cheap prefilter: the row is only tried when the lower-cased block contains one of these
  // (empty: always tried). Every match of the pattern must contain one of them: take a literal
  // that no optional part of each alternative holds. A character class such as [-–—] is a set of
  // bytes, so each byte of it is a needle. tests/corpus_lexicon_test.cpp checks this on the corpus.
  std::vector<std::string_view> needles = {};
  // Tried only when the block holds an ASCII digit as well (every match has one).
  bool needs_digit = false;
};

constexpr const char* kMonth =
    "(?:jan(?:uary|\\.)?|feb(?:ruary|\\.)?|mar(?:ch|\\.)?|apr(?:il|\\.)?|may|june?|july?|aug(?:ust|\\.)?|"
    "sep(?:t(?:ember)?|\\.)?|oct(?:ober|\\.)?|nov(?:ember|\\.)?|dec(?:ember|\\.)?|januar|februar|märz|mai|juni|"
    "juli|oktober|dezember|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    "enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre)";

// A date or time standing (nearly) alone, in four rows, each with its own needles: a month's
// name, the punctuation of a numeric date or a clock time, "ago", a leading "today:" and the like.
std::string month_date_pattern() {
  const std::string m = kMonth;
  return "\\b" + m + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s*\\d{2,4}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?" + m +
         ",?\\s+(?:de\\s+)?\\d{2,4}\\b|\\b" + m + "\\s+\\d{4}\\b";
}
constexpr const char* kNumericDate =
    "\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b|"
    "\\b\\d{1,2}:\\d{2}\\s*(?:am|pm|a\\.m\\.|p\\.m\\.|gmt|utc|et|edt|est|cet|bst)?\\b";
constexpr const char* kAgoDate = "\\b\\d+\\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\\s+ago\\b";
constexpr const char* kDayWord = "^\\s*(?:today|yesterday|updated|published)\\s*:";
// A literal every month name of kMonth holds, lower case.
const std::vector<std::string_view> kMonthNeedles = {
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "märz", "mai", "okt", "dez",
    "février", "avril", "juin", "juillet", "août", "décembre", "enero", "abril", "agosto", "diciembre"};

// "Published 4 April 2024, 18:05 BST | Updated 5 April 2024": a publishing word, then a whole date
// (a bare year would also match a headline such as "Updated guidance for the 2024 exam season").
std::string published_date_pattern() {
  const std::string m = kMonth;
  return "^\\W*(?:posted|published|updated|last (?:updated|modified)|veröffentlicht|aktualisiert|publié|"
         "mis à jour|publicado|actualizado)(?![\\w\\x80-\\xff])\\s*:?\\s*(?:on |am |le |el )?(?:\\d{1,2}(?:st|nd|rd|th)?\\.?\\s+(?:de\\s+)?" +
         m + ",?\\s+(?:de\\s+)?\\d{4}|" + m + "\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|"
         "\\d{1,2}[./]\\d{1,2}[./]\\d{2,4})\\b[^.!?]{0,80}$";
}

// Chinese and Japanese lines. Boost matches bytes, and every byte of their characters is \W, so
// ^\W* would skip any CJK text before a marker ("广东省相关新闻"): a whole-line form is
// framed by white space, ASCII punctuation and the brackets and bullets these pages put around
// labels instead.
constexpr const char* kCjkLead = "^(?:[\\s\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7e]|【|「|『|《|■|●|◆|▶|►|▼|★|☆|・)*";
constexpr const char* kCjkTail = "(?:[\\s\\x21-\\x2f\\x3a-\\x40\\x5b-\\x60\\x7b-\\x7e]|：|】|」|』|》|＞|→|»|…)*$";

// `alternatives` opening a line of Chinese or Japanese.
std::string cjk_line_start(const std::string& alternatives) { return std::string(kCjkLead) + "(?:" + alternatives + ")"; }

// `alternatives` standing alone on a line of Chinese or Japanese.
std::string cjk_whole_line(const std::string& alternatives) { return cjk_line_start(alternatives) + kCjkTail; }

// The patterns of each category. Where a category has several rows, any row matching counts.
const std::vector<CategoryPatterns>& pattern_table() {
  static const std::string month_date = month_date_pattern();
  static const std::string published_date = published_date_pattern();
  static const std::string cjk_teaser_marker = cjk_whole_line(
      "(?:相关|相關|关联|關聯)(?:新闻|新聞|阅读|閱讀|文章|推荐|推薦|报道|報導|链接|連結|资讯|資訊)|"
      "(?:推荐|推薦|延伸|扩展)(?:阅读|閱讀)|(?:热门|熱門)(?:文章|新闻|新聞|推荐|推薦)|猜你喜欢|猜你喜歡|"
      "(?:更多|其他)(?:新闻|新聞|文章|精彩)|関連(?:記事|ニュース|情報)|(?:おすすめ|オススメ)(?:の)?(?:記事)?|"
      "人気(?:の)?(?:記事|ランキング)|(?:あわせて|合わせて)読みたい|こちらもおすすめ|こちらの記事も|注目(?:の)?記事");
  static const std::string cjk_navigation = cjk_whole_line(
      "首页|首頁|返回首页|返回首頁|返回顶部|返回頂部|回到顶部|回到頂部|上一篇|下一篇|上一页|下一页|上一頁|下一頁|"
      "登录|注册|登錄|註冊|トップ|ホーム|トップへ戻る|ページの先頭へ|ページトップ|前の記事|次の記事|ログイン|"
      "新規登録|会員登録") + "|" + cjk_line_start("(?:当前位置|當前位置|您的位置|您现在的位置|現在位置)\\s*(?:：|:)");
  static const std::string cjk_comments = cjk_whole_line(
      "(?:发表|發表|我要|网友|網友)?(?:评论|評論)(?:\\s*(?:（|\\()\\d+(?:\\)|）))?|"
      "コメント(?:する|を書く|を残す|一覧)?(?:\\s*(?:（|\\()\\d+(?:\\)|）))?");
  static const std::string cjk_prompt =
      cjk_line_start("分享(?:到|至)|この記事を(?:シェア|共有)") + "|扫一扫|掃一掃|扫描二维码|掃描二維碼|" +
      "(?:关注|關注)(?:我们|我們)|(?:关注|關注)(?:(?!。).){0,48}(?:公众号|公眾號|微博|微信)|lineで送る|はてなブックマーク|" +
      cjk_whole_line("(?:シェア|ツイート|フォロー)(?:する)?");
  static const std::vector<CategoryPatterns> table = {
      {LexiconCategory::kTeaserMarker, 8,
       "^\\W*(?:related(?: posts?| articles?| stories| content| news| coverage| links| reading| topics| items)?|"
       "read (?:also|next|this next)|also read|see also|further reading|popular(?: posts| stories| articles| now| today)?|"
       "most (?:read|popular|viewed|shared|commented|emailed|recent)(?: \\w+)?|"
       "more (?:from|on|in|about|by) [^.!?]{1,40}|more (?:stories|news|articles|posts|videos|headlines|like this)|"
       "you (?:may|might|could|will) also (?:like|enjoy|be interested in|love)|you may have missed|"
       "recommended(?: for you| stories| articles| reading| posts)?|trending(?: now| stories| articles)?|"
       "other topics of interest|latest (?:news|stories|posts|articles|headlines|videos)|top stories|"
       "don'?t miss|editor'?s picks?|what to read next|recent (?:posts|articles|stories|news)|in other news|"
       "keep reading|related articles?|more to explore|around the web|from the web|"
       "mehr zum thema|das könnte sie auch interessieren|weitere artikel|lesen sie auch|auch interessant|"
       "verwandte artikel|ähnliche artikel|meistgelesen|à lire aussi|lire aussi|sur le même sujet|"
       "articles similaires|te puede interesar|noticias relacionadas|lee también|artículos relacionados|"
       "explore further|further information|related topics|more on this (?:topic|story|subject)|"
       "you may also be interested in|"
       "(?:zum )?weiterlesen|empfohlene (?:beiträge|artikel)|(?:das|dies) (?:thema )?könnte (?:sie|dich) auch interessieren|"
       "weiterführende (?:informationen|links|artikel|themen)|verwandte (?:themen|themenbereiche|beiträge)|"
       "ähnliche (?:beiträge|themen)|beliebte (?:beiträge|artikel)|neueste (?:beiträge|artikel)|"
       "(?:weitere|mehr) (?:beiträge|artikel|themen|meldungen|nachrichten)(?: [^.!?]{1,40})?|schon gelesen\\??|lust auf mehr\\??|"
       "mehr (?:aus|von|zu|über) [^.!?]{1,40}|alle artikel (?:zu|zum|über) [^.!?]{1,40}|siehe auch|meistgelesene artikel|top-themen|"
       "vous aimerez (?:peut-être )?aussi|à lire également|voir aussi|sur le même thème|"
       "articles (?:liés|connexes|récents)|les plus lus|à découvrir aussi|nos derniers articles|"
       "lea también|te recomendamos|también te puede interesar|más noticias|lo más leído|"
       "leggi anche|potrebbe interessarti|articoli correlati|i più letti|"
       "czytaj (?:też|także|więcej)|zobacz (?:też|także)|polecamy|najczęściej czytane|podobne artykuły|"
       "leia também|veja também|notícias relacionadas|mais lidas|lees ook|gerelateerde artikelen|meest gelezen|"
       "read more|read(?=\\s*:))\\s*[:»>…→-]*\\s*$", false,
       {"related", "read", "see also", "further", "popular", "most ", "more ", "also", "missed", "recommended",
        "trending", "other topics", "latest", "top stories", "miss", "pick", "recent", "other news", "the web",
        "mehr", "interes", "weitere", "lesen", "verwandte", "ähnliche", "gelesen", "lire", "même", "articles",
        "noticias", "también", "relacionad", "empfohlene", "weiterführende", "beliebte", "neueste", "artikel",
        "siehe", "top-themen", "aimerez", "aussi", "plus lus", "recomendamos", "leído", "leggi", "articoli",
        "letti", "czytaj", "zobacz", "polecamy", "czytane", "podobne", "também", "notícias", "lidas", "lees ook",
        "gerelateerde", "gelezen"}},
      {LexiconCategory::kTeaserInline, 40,
       "^\\W*(?:read|read more|read also|also read|see also|related|more|watch|listen|recommended|"
       "lesen sie auch|mehr zum thema|lire aussi|à lire aussi|lee también|ver también|leer más|lea|lea también|"
       "lesen sie|weiterlesen|siehe auch|mehr dazu|auch interessant|voir aussi|czytaj (?:też|także|więcej)|"
       "zobacz (?:też|także)|leggi anche|leia também|veja também|lees ook|vea también|mira también|leia mais|"
       "lea más|lee más|(?:también )?(?:le|te) puede interesar|puede interesarte|mire|vea|auch lesen|lesetipp|"
       "lisez aussi|à voir aussi|à découvrir)\\s*(?:[:|]|»)\\s*\\S",
       false, {":", "|", "»"}},
      {LexiconCategory::kLegal, 1000000,
       "©|\\(c\\)\\s*(?:19|20)\\d\\d|\\ball rights reserved\\b|alle rechte vorbehalten|"
       "tous droits réservés|todos los derechos reservados", false, {"©", "(c)", "rights reserved", "rechte vorbehalten", "droits r", "derechos reservados"}},
      {LexiconCategory::kLegal, 1000000,
       "\\bbreach of\\b.{0,60}\\b(?:terms|t&cs|copyright|policy|conditions)|\\bt&cs\\b|"
       "\\bregistered in england\\b|\\bcompany (?:number|no\\.?|registration number)\\b|\\bregistered office\\b|"
       "^\\W*our (?:standards|editorial (?:standards|principles|policy))\\s*:", false, {"breach of", "t&c", "registered in england", "company n", "company registration", "registered office", "our standards", "our editorial"}},
      {LexiconCategory::kLegal, 1000000,
       "\\bcopyright\\b|\\bterms (?:of (?:use|service)|and conditions|& conditions)\\b|"
       "\\bprivacy (?:policy|notice|statement)\\b|\\bcookie policy\\b|\\bimpressum\\b|\\bdatenschutz|"
       "mentions légales|\\baviso legal\\b|pol(?:i|í)tica de (?:privacidad|cookies)|politique de confidentialit|"
       "nutzungsbedingungen", true, {"copyright", "terms ", "privacy ", "cookie policy", "impressum", "datenschutz", "mentions l", "aviso legal", "tica de ", "politique de confidentialit", "nutzungsbedingungen"}},
      {LexiconCategory::kLegal, 1000000,
       "licensing@|\\bbuy additional rights\\b|\\breprints? (?:&|and) permissions\\b|"
       "(?:may|must) not be (?:re)?(?:published|reproduced|broadcast|rewritten|redistributed|copied)|"
       "without (?:the )?(?:prior |express )?(?:written )?permission\\b", false, {"licensing@", "additional rights", "reprint", "not be ", "permission"}},
      {LexiconCategory::kLegal, 1000000,
       "\\bsubscribers? (?:only|may|can) |\\balready (?:a subscriber|have an account)|"
       "\\bsubscribe (?:now |today )?to (?:continue|read|get (?:full|unlimited))|\\bto continue reading\\b|"
       "\\bthis (?:article|content|story) is (?:only )?(?:available|reserved|for) (?:to |for )?(?:subscribers|members)|"
       "\\bgift (?:this )?articles?\\b|\\bpremium (?:content|article)\\b|\\bsign in to (?:continue|read)|"
       "\\bfree articles?\\b.{0,30}\\b(?:this month|left|remaining)\\b", false,
       {"subscri", "already a subscriber", "already have an account", "continue reading", "this article is",
        "this content is", "this story is", "gift article", "gift this", "premium content", "premium article",
        "sign in to", "free article"}},
      // "You have 3 free articles left": its only needle is common in body text, so it has a row of
      // its own rather than sending every such paragraph through the whole paywall row.
      {LexiconCategory::kLegal, 1000000,
       "\\byou have (?:\\d+|one|no) (?:free )?articles? (?:left|remaining)", false, {"you have "}},
      // More paywall lines, in a row of their own: in the row above, tried on every paragraph that
      // says "already" or "premium", they cost 1% of the time on plain text.
      {LexiconCategory::kLegal, 1000000,
       "\\binstant access to the full (?:article|text)\\b|\\b(?:kostenlos )?registrieren und weiterlesen\\b|"
       "\\bweiterlesen mit\\b.{0,30}\\b(?:abo|plus|premium)\\b", false,
       {"instant access", "registrieren und weiterlesen", "weiterlesen mit"}},
      {LexiconCategory::kLegal, 80,  // affiliate disclosures and "no guarantee" disclaimers
       // (a sentence about affiliate links in an article on marketing says none of these)
       "\\b(?:this|the|our) (?:post|article|page|site|website|story) (?:may )?(?:contains?|includes?) (?:\\w+ ){0,2}"
       "(?:affiliate|references to products|sponsored)|\\bwe (?:may )?(?:earn|receive|get) (?:a )?(?:small )?(?:commission|compensation)\\b|"
       "\\bhandelt es sich um (?:\\w+ ){0,2}(?:affiliate|provisions|werbe)-?links?\\b|"
       "\\b(?:erhalten|bekommen) wir (?:eine )?(?:kleine )?provision\\b|\\bangaben ohne gewähr\\b|"
       "\\bcontiene enlaces de afiliados?\\b|\\bcontient des liens (?:d'affiliation|affiliés?)\\b", false,
       {"post may ", "post contain", "post include", "article may ", "article contain", "article include", "page may ",
        "page contain", "page include", "site may ", "site contain", "site include", "story may ", "story contain",
        "story include", "we earn", "we receive", "we get", "we may ", "handelt es sich um", "erhalten wir", "bekommen wir",
        "ohne gewähr", "enlaces de afiliad", "contient des liens"}},
      {LexiconCategory::kLegal, 1000000,  // the call to pay, a second hit beside the paywall notice
       "\\bunlimited (?:digital )?access\\b|\\bcontinue reading with\\b.{0,50}\\bsubscription\\b|"
       "\\bsubscribe (?:now|today)\\b", false, {"unlimited", "continue reading with", "subscribe "}},
      {LexiconCategory::kPrompt, 6,
       "^\\W*(?:share|share this|share (?:this )?(?:article|story|post|page|on \\w+)|tweet|pin it|e-?mail|print|"
       "whatsapp|facebook|twitter|linkedin|reddit|telegram|pinterest|flipboard|copy link|save|"
       "teilen|partager|compartir)(?:\\s*(?:[|/,]|•|·)?\\s*(?:share|tweet|e-?mail|print|whatsapp|facebook|twitter|x|"
       "linkedin|reddit|telegram|pinterest|copy link|save|\\d+))*\\W*$", false,
       {"share", "tweet", "pin it", "mail", "print", "whatsapp", "facebook", "twitter", "linkedin", "reddit", "telegram",
        "pinterest", "flipboard", "copy link", "save", "teilen", "partager", "compartir"}},
      {LexiconCategory::kPrompt, 6,
       "^\\W*(?:(?:\\w+\\s+){0,2}teilen\\W*$|"
       "(?:compartir|partager|enviar|share|tweet|e-?mail|send)\\b(?:\\s+\\S+){0,3}\\W*(?<![.!?])$)", false,
       {"teilen", "compartir", "partager", "enviar", "share", "tweet", "mail", "send"}},
      // Calls to follow, share, subscribe: four rows by their needles, so that a block holding a
      // common needle (" us ", "share", "download") runs one short pattern, not all of them (one row
      // of 48 alternatives was 15% of the lexicon's time, tried at every position of the block).
      {LexiconCategory::kPrompt, 25,
       "\\bfollow us\\b|\\b(?:like|find|join) us (?:on|at)\\b|\\bconnect with us\\b|\\bsubscribe to us\\b|"
       "\\bjoin (?:us|our)\\b.{0,30}\\b(?:on|at)\\b|"
       "\\bfollow (?:our|us|@)\\b.{0,60}\\b(?:coverage|updates|on|channel|twitter|facebook|instagram)|"
       "\\bfollow (?:the|this|all the) (?:live )?(?:coverage|updates|story|blog)\\b|"
       "\\bfollow\\b.{1,40}\\bon (?:instagram|twitter|x|facebook|tiktok|youtube|linkedin|threads|bluesky|telegram|whatsapp)\\b|"
       "\\bjoin our\\b.{0,40}\\b(?:channel|group|community|newsletter|mailing list)\\b|"
       "\\bemail us at\\b|\\btag (?:us|@)|\\bhashtag\\b",
       false, {"follow", " us ", "with us", "subscribe", "join", "email us", "tag us", "tag @", "hashtag"}},
      {LexiconCategory::kPrompt, 25,
       "\\bsign up (?:for|to) (?:our|the|a)\\b|\\bsubscribe to (?:our|the)\\b|"
       "\\b(?:our|free|weekly|daily|e-?mail) newsletters?\\b|\\bnewsletters? (?:sign ?up|subscription|abonnieren)\\b|"
       "delivered (?:straight |directly )?to your inbox|\\benter your e-?mail\\b|"
       "\\bgot a (?:story|tip|news tip)\\b|\\bsend (?:us )?your (?:stories|tips|photos)\\b|"
       "\\bget (?:the|our) .{1,40}\\b(?:briefing|newsletter|digest|bulletin)\\b",
       false, {"sign up", "subscribe", "newsletter", "inbox", "enter your", "got a ", "your stories", "your tips",
               "your photos", "briefing", "digest", "bulletin"}},
      {LexiconCategory::kPrompt, 25,
       "\\b(?:enable|turn on) javascript\\b|\\bjavascript is (?:disabled|required|turned off)\\b|"
       "\\byour browser (?:does not|doesn't) support\\b|"
       "\\bdownload (?:our|the)(?: [\\w-]+){0,2} apps?\\b|\\bapps? for (?:ios|iphone) and android\\b|"
       "\\bclick here\\b|\\bshare (?:on|via|to|this) \\w+|^\\W*\\d+\\s+shares?\\W*$|"
       "\\bwas this (?:page|article|answer|post) (?:helpful|useful)\\b",
       false, {"javascript", "your browser", "download", "android", "click here", "share", "was this"}},
      {LexiconCategory::kPrompt, 25,
       "folgen sie uns|jetzt abonnieren|suivez-nous|abonnez-vous|síguenos|suscríbete|"
       "^\\W*jetzt (?:registrieren|anmelden|kostenlos registrieren)\\W*$|\\bnewsletter abonnieren\\b|"
       "\\binscrivez-vous\\b|\\bzapisz się(?![\\w\\x80-\\xff])|\\biscriviti\\b|"
       "^\\W*stay (?:up[- ]to[- ]date|informed|in the loop|connected)\\b[^.!?]{0,40}[.!]?\\W*$",
       false, {"folgen", "abonn", "suivez", "síguenos", "suscr", "jetzt ", "inscrivez", "zapisz", "iscriviti", "stay "}},
      // Calls to support, donate or join, opening the line ("Volunteers support us" and "to become a
      // member" are body sentences). One anchored group: Boost then tries line starts only.
      {LexiconCategory::kPrompt, 25,
       "^\\W*(?:(?:please )?(?:support|unterstützen sie|unterstütze|apoya|soutenez)\\s+(?:us|uns|nous|(?:[\\w\\x80-\\xff]+ ){0,3}"
       "(?:journalism|journalismus|periodismo|journalisme))\\b|(?:donate|spenden|dona|faites un don)\\s+(?:now|today|jetzt|ahora|maintenant)\\b|"
       "jetzt spenden\\b|jede (?:kleine )?spende\\b|become a (?:member|supporter|patron|subscriber)\\b|"
       "hazte (?:miembro|socio)\\b|werden sie (?:mitglied|abonnent))",
       false, {"support", "unterstütz", "apoya", "soutenez", "donate", "spende", "dona ahora", "faites un don", "become a",
               "hazte", "werden sie"}},
      // Newsletters outside English, and calls to write to the page.
      {LexiconCategory::kPrompt, 25,
       "\\b(?:unseren?|unserem|zum) newsletter\\b|\\bnuestro boletín\\b|\\bnotre (?:newsletter|lettre d'information)\\b|"
       "\\bwe(?:'d| would)? (?:want|like|love) to hear (?:from you|what you think)\\b|\\bsubmit (?:your |a )?letter to the editor\\b",
       false, {"unsere newsletter", "unseren newsletter", "unserem newsletter", "zum newsletter", "nuestro boletín",
               "notre newsletter", "notre lettre", "to hear", "letter to the editor"}},
      {LexiconCategory::kPrompt, 12, "^.{0,80}\\s\\S+@[\\w-]+\\.[\\w.-]+\\s*$", false, {"@"}},
      // Comment prompts and labels, as two rows: the whole-line patterns in one group anchored at
      // the start (Boost then tries the start only), the phrases anywhere in another, each with
      // only the needles its patterns need ("like", "report", "post" are common words).
      {LexiconCategory::kComments, 12,
       "^(?:\\W*(?:\\d+\\s+)?(?:comments?|responses?|replies|reactions|discussion|kommentare?|commentaires?|"
       "comentarios?)(?:\\s*\\(\\d+\\))?\\W*$|\\W*(?:post|leave|add|write|submit|show|view|read|hide) "
       "(?:a |your |all |the )?(?:\\d+ )?(?:comments?|reply|response|replies)\\b|\\W*reply\\W*$|"
       "\\W*(?:like|likes|quote|reply|report|upvote|downvote)\\s*(?:\\(\\d+\\)|\\d+)?\\W*$|\\W*(?:no comments(?: yet)?|keine kommentare|"
       "(?:einen )?kommentar (?:schreiben|verfassen|hinterlassen)|kommentieren|laisser un commentaire|"
       "deja (?:un|tu) comentario|dodaj komentarz|komentarze|commenti|lascia un commento)\\W*$)",
       false, {"comment", "response", "repl", "reaction", "discussion", "kommentar", "commentaire", "comentario", "komentarz",
               "kommentieren", "like", "quote", "report", "upvote", "downvote"}},
      {LexiconCategory::kComments, 12,
       "\\bleave feedback\\b|\\bbe the first to comment\\b|\\bjoin the (?:discussion|conversation)\\b|"
       "\\b(?:log ?in|sign ?in|register)(?: or (?:register|sign ?up))? to (?:comment|reply|post)|"
       "\\bcomments? (?:are |is )?(?:closed|disabled)\\b|"
       "\\bmust be logged in to (?:post|leave) a comment\\b|\\byour email address will not be published\\b|"
       "\\brequired fields are marked\\b|\\bcomment policy\\b|\\bcomments are moderated\\b",
       false, {"feedback", "comment", "discussion", "conversation", "repl", " to post", "email address", "required fields"}},
      // The opener of a comment section, as two rows likewise.
      {LexiconCategory::kCommentSection, 14,
       "^(?:\\W*(?:\\d+\\s+)?(?:comments?|responses?|reactions|kommentare?|commentaires?|comentarios?)"
       "(?:\\s*\\(\\d+\\))?\\W*$|\\W*[1-9][\\d,.]*\\s+(?:comments?|responses?|replies|kommentare|commentaires|comentarios)\\b|"
       "\\W*(?:\\d+|one|two|three) (?:thoughts?|responses?|comments?|replies) (?:on|to)\\s*[“\"«„‘'].{1,150}$|"
       "\\W*(?:leave|post|add|write|submit) (?:a|your) (?:comment|reply|response)\\b|"
       "\\S+(?: \\S+){0,3} (?:said|says|wrote)\\s*(?:\\.\\.\\.|…|:)\\s*$)",
       false, {"comment", "response", "reaction", "kommentar", "commentaire", "comentario", "repl", "thought", "said",
               "says", "wrote"}},
      {LexiconCategory::kCommentSection, 14,
       "\\bjoin the (?:discussion|conversation)\\b|\\bbe the first to comment\\b|\\bread them below\\b|"
       "\\bcomments? (?:are |is )?closed\\b|\\b(?:show|view|load|hide) (?:all |more )?(?:\\d+ )?comments\\b",
       false, {"discussion", "conversation", "comment", "read them"}},
      {LexiconCategory::kSourcePointer, 14,
       "^\\W*(?:(?:source(?: link)?|sources?|via|quelle|fuente)\\s*:?(?:\\s+\\S+){0,6}\\s*$|"
       "(?:first appeared (?:on|in|at)|originally (?:published|appeared|posted) (?:on|in|at|by)|"
       "this (?:article|story|post) (?:first |originally )?(?:appeared|was published) (?:on|in|at)|"
       "read (?:more|the (?:full|original|rest of the) (?:article|story|post)) (?:on|at) |read more on original|"
       "read the original|continue reading (?:on|at) |continue reading (?:the )?(?:original|full) (?:article|story|post)))",
       false, {"source", "via", "quelle", "fuente", "appeared", "originally", "published", "read"}},
      // Caption labels and credits, as two rows: the forms that open the line in one group anchored
      // at the start (Boost then tries the start only), the forms that end it in another.
      {LexiconCategory::kCaption, 45,
       "^\\W*(?:(?:file |archive |stock |handout )?(?:photo|image|picture|video|illustration|graphic|photograph|"
       "photos|credit|photo credit|image credit|image source|image caption|media caption|caption|foto|bild|"
       "fotos|pictured|kuva|imagen|abbildung|abb\\.|fotografía|ilustración)s?(?:\\s*\\d{1,3})?\\s*(?:\\([^)]{0,20}\\)\\s*)?[:|]|"
       "(?:image caption|image source|media caption|video caption)\\s*,|file photo\\b|"
       "(?:click|tap) (?:to|for) (?:enlarge|expand|view)|(?:beitragsbild|titelbild|symbolbild|bild anzeigen)\\W*$|"
       "(?:bild|foto|photo|image) via\\b)",
       false, {"photo", "image", "picture", "video", "illustration", "graphic", "credit", "caption", "foto", "bild",
               "pictured", "click", "tap ", "kuva", "imagen", "abbildung", "abb.", "fotograf", "ilustraci"}},
      {LexiconCategory::kCaption, 45,
       "\\b(?:photo|image|picture|credit|foto|bild|photograph|kuva|imagen|fotografía)s?\\s*:\\s*(?:[^.!?:]|\\.(?=\\S)){1,50}$|"
       "\\((?:photo|image|credit|picture)s?\\b[^)]{0,60}\\)\\s*$",
       false, {"photo", "image", "picture", "credit", "foto", "bild", "kuva", "imagen", "fotograf"}},
      {LexiconCategory::kCaption, 15,
       "\\b(?:getty images|shutterstock|ap photo|afp photo|afp via getty|istock(?:photo)?|epa-efe|"
       "reuters/|/reuters|/ap\\b|/afp\\b|imago|picture alliance|dpa/)|"
       // stock photo libraries, named in credits ("Photo by Jane Doe on Unsplash", "Quelle: X / Fotolia.com")
       "(?:\\bon |\\bvia |/\\s*|©\\s*|:\\s*|\\(\\s*)(?:fotolia|adobe ?stock|unsplash|pixabay|pexels|dreamstime|depositphotos|123rf|alamy)|"
       // "Susan Walsh / AP": a photographer and an agency, spaced
       "\\s/\\s(?:reuters|ap|afp|epa(?:-efe)?|bloomberg|dpa)\\s*$", false,
       {"getty", "shutterstock", "ap photo", "afp", "istock", "epa-efe", "reuters", "/ap", "imago", "picture alliance",
        "dpa/", " / ", "fotolia", "stock", "unsplash", "pixabay", "pexels", "dreamstime", "depositphotos", "123rf", "alamy"}},
      {LexiconCategory::kCookie, 90,
       "\\bcookies?\\b.{0,100}\\b(?:consent|policy|settings|preferences|browsing experience|analytics|"
       "third.party)\\b|\\bwe (?:use|value your) (?:cookies|privacy)\\b|\\b(?:uses|use of) cookies\\b|"
       "\\bby (?:continuing|using) (?:to (?:use|browse) )?(?:this|our) (?:site|website)\\b|"
       "^\\W*(?:accept|reject|allow|manage|decline)(?: all)? (?:cookies|settings)\\b|"
       "\\bconsent\\b.{0,60}\\b(?:partners|vendors|personal data|cookies)\\b|"
       "\\b(?:utilizamos|usamos) cookies\\b|\\bnous utilisons des cookies\\b|\\bwir verwenden cookies\\b|"
       "\\b(?:diese website|this (?:web)?site|ce site|este sitio(?: web)?) (?:verwendet|uses|utilise|utiliza) cookies\\b|"
       "\\bkorzystamy z (?:plików )?cookies?\\b|\\butilizziamo (?:i )?cookie\\b|\\bwe gebruiken cookies\\b|"
       "\\b(?:wir respektieren|we respect) (?:deine|ihre|your) (?:privatsphäre|privacy)\\b", false,
       {"cookie", "consent", "privacy", "settings", "by continuing", "by using", "privatsphäre"}},
      {LexiconCategory::kCookie, 4,
       "^\\W*(?:(?:accept|reject|allow|decline|refuse|deny|aceptar|rechazar|akzeptieren|ablehnen|accepter|refuser)"
       "(?: all| non-essential| necessary| optional| essential| alle| tout| todas)?(?: cookies)?\\W*$|"
       "(?:manage|customi[sz]e|change) (?:preferences|cookies|cookie settings|settings|consent|choices)\\W*$)", false,
       {"accept", "reject", "allow", "decline", "refuse", "deny", "aceptar", "rechazar", "akzeptieren", "ablehnen",
        "manage", "customi", "change"}},
      {LexiconCategory::kAdvert, 6,
       "^\\W*(?:advertisement|advertising|ad|ads|sponsored(?: content| post| links| stories)?|"
       "promoted(?: content| stories| links)?|paid (?:content|post|partner)|partner content|"
       "story continues below(?: advertisement)?|continue reading (?:the main story|below)|"
       "scroll (?:down )?to continue(?: (?:with|reading) .{0,20})?|"
       "anzeige|werbung|publicité|publicidad)\\W*$", false,
       {"ad", "sponsored", "promoted", "paid", "partner", "continue", "scroll", "anzeige", "werbung", "publicit"}},
      {LexiconCategory::kNavigation, 6,
       "^\\W*(?:home|homepage|menu|search|log ?in|log ?out|sign ?in|sign ?up|register|my account|subscribe|"
       "next|previous|prev|back|back to top|top|close|more|load more|show more|skip to (?:main )?content|sign me up|"
       "skip to navigation|main menu|navigation|toggle navigation|open menu|jump to|about us|about|contact us|"
       "contact|sitemap|faq|help|careers|advertise(?: with us)?|newer posts?|older posts?|"
       "(?:next|previous) (?:post|article|page|story)|continue reading|read more|read full (?:article|story)|"
       "view all|see all|see more|you are here|startseite|accueil|inicio|zurück|weiter|nach oben|suche|"
       "anmelden|abmelden|kontakt|retour|rechercher|connexion|buscar|contacto|iniciar sesión|szukaj|zaloguj|"
       "cerca|contatti|mehr anzeigen|alle anzeigen|voir plus|ver más|zobacz więcej)\\W*$", false,
       {"home", "menu", "search", "log", "sign", "register", "account", "subscribe", "next", "prev", "back", "top",
        "close", "more", "skip", "navigation", "jump", "about", "contact", "sitemap", "faq", "help", "careers",
        "advertise", "post", "read", "all", "here", "startseite", "accueil", "inici", "zurück", "weiter", "oben",
        "suche", "melden", "kontakt", "retour", "recherch", "connexion", "buscar", "szukaj", "zaloguj", "cerca",
        "contatt", "anzeigen", "plus", "más", "zobacz"}},
      {LexiconCategory::kNavigation, 8,
       "\\bpage \\d+ of \\d+\\b|^\\W*(?:add to (?:cart|basket|bag|wishlist|wish list)|save to (?:wishlist|wish list)|"
       "buy now|in stock|out of stock|edit this page|print recipe|jump to recipe|imprimer(?: la recette)?|rezept drucken|imprimir receta)\\b",
       false, {"page", "add to", "save to", "buy now", "stock", "edit this", "recipe", "imprimer", "rezept", "imprimir"}},
      {LexiconCategory::kNavigation, 14,
       // An item is up to 40 bytes holding no separator, no '«' (a line with one quotes: "« boards »")
       // and no '←' (arrows both ways are a diagram); one after a separator does not start with a
       // digit ("hematocrit > 24%" compares). The multi-byte ones are excluded by look-ahead: a byte
       // class [^»›] rejected every item holding a character that shares one of their bytes, such as
       // ’, –, © or ú.
       "^(?:(?:(?!»|›|«|←)[^>]){1,40}(?:\\s(?:>|»|›|→)\\s(?!\\d)(?:(?!»|›|«|←)[^>]){1,40}){1,}$|\\W*you are here\\b)", false, {">", "»", "›", "→", "you are here"}},
      {LexiconCategory::kByline, 15,
       "^\\W*(?:(?:posts|joined|member since|registered|reputation|karma|messages|points)\\s*:\\s*\\S|"
       "(?:words|text|texte|author|autor|auteur|reporter|story|interview|photos? and words)\\s*:\\s*[^\\s:]+(?:\\s+[^\\s:]+){0,3}\\s*$)",
       false, {":"}},
      {LexiconCategory::kByline, 15,
       "^\\W*(?:posted|written|published|updated|reported|filed|last updated|submitted|started|asked|answered|"
       "veröffentlicht|"
       "publié|publicado|aktualisiert)(?![\\w\\x80-\\xff]).{0,12}\\b(?:by|on|at|in|am|le|el|:)", false,
       {"posted", "written", "published", "updated", "reported", "filed", "submitted", "started", "asked", "answered",
        "veröffentlicht", "publié", "publicado", "aktualisiert"}},
      {LexiconCategory::kByline, 15,
       "\\b(?:staff (?:writer|reporter)|correspondent|contributing (?:writer|editor)|"
       "senior (?:writer|editor|reporter)|editor-at-large)\\b|\\b\\d+\\s*min(?:ute)?s?\\.? read\\b", false,
       {"staff", "correspondent", "contributing", "senior", "editor-at-large", " read"}},
      {LexiconCategory::kByline, 15,
       "^\\W*(?:reuters|associated press|ap|afp|bloomberg|upi|dpa|ians|pti|ani|xinhua|efe|ansa)\\W*$", false,
       {"reuters", "associated press", "ap", "afp", "bloomberg", "upi", "dpa", "ians", "pti", "ani", "xinhua", "efe",
        "ansa"}},
      // A name said twice: "Reuters - Reuters". (Only '-' and '|' separate: in valid UTF-8 no byte of
      // an en or em dash can stand between a word character and a word character.)
      {LexiconCategory::kByline, 15, "^\\W*(\\w[\\w .]{1,40}?)\\s*[-|]\\s*\\1\\W*$", false, {"-", "|"}},
      {LexiconCategory::kByline, 25, published_date.c_str(), false,
       {"posted", "published", "updated", "last ", "veröffentlicht", "aktualisiert", "publié", "mis à jour", "publicado", "actualizado"}},
      {LexiconCategory::kDate, 16, month_date.c_str(), false, kMonthNeedles, true},
      {LexiconCategory::kDate, 16, kNumericDate, false, {"-", ".", "/", ":"}, true},
      {LexiconCategory::kDate, 16, kAgoDate, false, {"ago"}, true},
      {LexiconCategory::kDate, 16, kDayWord, false, {"today", "yesterday", "updated", "published"}},
      {LexiconCategory::kTagList, 40,
       "^\\W*(?:tags?|tagged(?: as| with| in)?|filed (?:under|in)|categor(?:y|ies)|topics?|labels?|keywords|"
       "posted in|schlagworte|schlagwörter|themen|étiquettes|mots-clés|etiquetas|temas)\\s*:", false, {":"}},
      {LexiconCategory::kTagList, 30,
       "^(?:[^|]{1,32}(?:\\|[^|]{1,32}){2,}$|(?:(?!·|•).){1,32}(?:(?:·|•)(?:(?!·|•).){1,32}){2,}$)", false, {"|", "·", "•"}},
      {LexiconCategory::kCredit, 60,
       "^\\W*(?:additional )?(?:reporting|writing|editing|compiled|research|translated|translation) by\\b.{0,200}"
       "(?:;|\\band\\b|\\bby\\b).{0,200}$", false, {" by"}},
      // A bare address with a dot in it: "http://localhost:7071/api/x" alone on a line is a
      // code sample in documentation, not a link left over from the page.
      {LexiconCategory::kUrl, 40,
       "^\\W*(?:(?:https?://[^\\s.]*\\.\\S*|www\\.\\S+)\\s*$|[\\w.-]+\\.(?:com|org|net|gov|edu|co\\.uk|de|fr|es|info|io)"
       "(?:/\\S*)?\\s*$)", false,
       {"://", "www.", ".com", ".org", ".net", ".gov", ".edu", ".co.uk", ".de", ".fr", ".es", ".info", ".io"}},
      // Chinese (simplified and traditional) and Japanese: the same forms of clutter, in rows of
      // their own (their needles are their own words). Word limits count as utf8::count_words does.
      {LexiconCategory::kTeaserMarker, 8, cjk_teaser_marker.c_str(), false,
       {"相关", "相關", "关联", "關聯", "推荐", "推薦", "延伸", "扩展", "热门", "熱門", "猜你", "更多", "其他", "関連",
        "おすすめ", "オススメ", "人気", "読みたい", "こちらも", "こちらの", "注目"}},
      {LexiconCategory::kLegal, 1000000,
       "版权所有|版權所有|(?:未经|未經)(?:(?!。|，|,).){0,48}(?:转载|轉載|复制|複製|摘编|摘編)|(?:禁止|不得|严禁|嚴禁)(?:转载|轉載)|"
       "無断(?:転載|複製|転用|使用)|転載を禁じ|著作権は(?:(?!。).){0,90}(?:帰属|に属)", false,
       {"版权所有", "版權所有", "未经", "未經", "转载", "轉載", "無断", "転載", "著作権"}},
      {LexiconCategory::kPrompt, 10, cjk_prompt.c_str(), false,
       {"分享", "この記事を", "扫一扫", "掃一掃", "扫描", "掃描", "关注", "關注", "lineで送る", "はてな", "シェア", "ツイート",
        "フォロー"}},
      {LexiconCategory::kComments, 12, cjk_comments.c_str(), false, {"评论", "評論", "コメント"}},
      {LexiconCategory::kCaption, 45,
       "^(?:（|\\()?(?:图为|圖為|图：|圖：|图片：|圖片：|写真：|写真は)|(?:图片|圖片)(?:说明|說明|来源|來源)\\s*(?:：|:)|"
       "(?:记者|記者)(?:(?!（|）|\\(|\\)).){1,36}(?:摄|攝)(?:）|\\))\\s*$|撮影(?:）|\\))\\s*$|写真提供|資料写真|(?:^|（|\\()(?:摄影|攝影)\\s*(?:：|:)",
       false, {"图为", "圖為", "图：", "圖：", "图片", "圖片", "写真", "记者", "記者", "撮影", "摄影", "攝影"}},
      {LexiconCategory::kNavigation, 8, cjk_navigation.c_str(), false,
       {"首页", "首頁", "顶部", "頂部", "上一", "下一", "登录", "注册", "登錄", "註冊", "トップ", "ホーム", "ページの先頭",
        "の記事", "ログイン", "登録", "位置"}},
      {LexiconCategory::kByline, 15,
       "(?:来源|來源|作者|责任编辑|責任編輯|编辑|編輯|记者|記者|出处|出處|通讯员|通訊員)\\s*(?:：|:)|"
       "^(?:文|写真|取材|執筆|構成)(?:・(?:文|写真))?(?:・|：|:)", false,
       {"来源", "來源", "作者", "编辑", "編輯", "记者", "記者", "出处", "出處", "通讯员", "通訊員", "文・", "文：", "文:",
        "写真・", "写真：", "写真:", "取材", "執筆", "構成"}},
      {LexiconCategory::kDate, 16, "\\d{4}\\s*年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日", false, {"年"}, true},
  };
  return table;
}

// Bylines need case: "By Jane Doe" but not "by the way". Names are capitalised words; a line of
// names joined by "and", commas and "in <Place>" is a byline too.
// A name's words are taken whole (the possessive *+): with a plain * and the \s* between them, a
// long run of letters could be split among the four words in a cubic number of ways before the
// match failed (found by the fuzzer: 2.7 KB took 0.2 s, 10 s under the sanitizers). A word's
// bytes stop before the separators that end a name ("·", "•", "⋅", "–", "—"), which are matched
// as characters, not as the bytes of a class: a class of them held \xe2, which ended a name
// inside a "’" too.
constexpr const char* kBylineCased =
    "^\\W*(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or)\\s+(?:[A-Z\\x80-\\xff](?:[\\w.'-]|(?!·|•|⋅|–|—)[\\x80-\\xff])*+\\s*){1,4}(?:$|[,|/]|·|•|⋅|–|—|\\s+(?:and|und|et|y)\\s)|"
    "^(?:[A-Z][\\w\\x80-\\xff'.-]+(?:\\s+[A-Z][\\w\\x80-\\xff'.-]+)+)"
    "(?:(?:,|\\s+and|\\s+in)\\s+[A-Z][\\w\\x80-\\xff'.-]+(?:\\s+[A-Z][\\w\\x80-\\xff'.-]+)*){2,}$";
constexpr int kBylineCasedMaxWords = 25;
// Its prefilter: the first form needs "by", "von", "par" or "por" (any case); the second starts
// at least four words with a capital A-Z, so a block with fewer capitals cannot match.
constexpr std::string_view kBylineCasedNeedles[] = {"by", "von", "par", "por"};
constexpr int kBylineCasedMinCapitals = 4;
// The needle bit of the cased byline; the table's rows take the bits below it.
constexpr std::uint64_t kBylineCasedBit = std::uint64_t{1} << 63;

bool has_capitals(std::string_view text, int at_least) {
  int capitals = 0;
  for (const char c : text) {
    if (c >= 'A' && c <= 'Z' && ++capitals >= at_least) return true;
  }
  return false;
}

// What makes the words beside a date a byline or a post's meta line: "by" ("October 18th, 2012 by
// Mirko in Articles"), a handle's '@' or a '|' between fields ("By Ben Bowers on 10.29.12 | Photo
// by Google"). `text` is lower case.
bool has_byline_cue(std::string_view text) {
  if (text.find('@') != std::string_view::npos || text.find('|') != std::string_view::npos) return true;
  for (std::size_t at = text.find("by"); at != std::string_view::npos; at = text.find("by", at + 1)) {
    const bool starts = at == 0 || utf8::is_space(static_cast<unsigned char>(text[at - 1]));
    const bool ends = at + 2 == text.size() || utf8::is_space(static_cast<unsigned char>(text[at + 2]));
    if (starts && ends) return true;
  }
  return false;
}

// An ASCII capital in a pattern, outside an escape (\\S, \\W, \\D and \\B are classes).
bool has_capital_letter(std::string_view pattern) {
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\') {
      ++i;
    } else if (pattern[i] >= 'A' && pattern[i] <= 'Z') {
      return true;
    }
  }
  return false;
}

}  // namespace

struct Lexicon::Patterns {
  // A row's regex is compiled the first time a block gets past its needles, by whichever thread
  // gets there first: compiling them all took half of what winnow spends on a one-page document,
  // and such a page reaches only some rows.
  struct Compiled {
    Compiled(LexiconCategory category, int max_words, bool weak, std::uint64_t needle_bit, bool needs_digit,
             const char* pattern)
        : category(category), max_words(max_words), weak(weak), needle_bit(needle_bit), needs_digit(needs_digit),
          pattern(pattern) {}

    LexiconCategory category;
    int max_words;
    bool weak;
    std::uint64_t needle_bit;  // this row's bit in what `needles` finds; 0: the row has no needles
    bool needs_digit;
    const char* pattern;
    mutable std::once_flag compiled;
    mutable boost::regex regex;

    // Case-sensitive: match() lower-cases the block first, so Boost's icase would only fold text
    // that has no capitals left, and it cost 1.5% of all instructions on plain text. A pattern
    // holding a capital letter could then never match; it is refused like one that does not
    // compile (Lexicon.EveryPatternCompiles).
    const boost::regex& get() const {
      std::call_once(compiled, [this] {
        if (has_capital_letter(pattern)) throw std::logic_error(std::string("lexicon pattern not in lower case: ") + pattern);
        regex.assign(pattern, boost::regex::perl | boost::regex::optimize);
      });
      return regex;
    }
  };
  explicit Patterns(NeedleSet narrow) : needles(std::move(narrow)) {}

  // The needles of characters below U+3000, and, built the first time a block holds a character
  // from U+3000 on, those of Chinese and Japanese (wide_needles): their many distinct bytes made
  // the one table three times larger, and building it cost every process more than it spends on a
  // short page.
  const NeedleSet& wide_needles() const;

  std::deque<Compiled> rows;  // a deque: once_flag cannot move
  NeedleSet needles;
  mutable std::once_flag wide_built;
  mutable std::optional<NeedleSet> wide;
  boost::regex byline_cased;
};

namespace {

// A needle of a character from U+3000 on (CJK, kana, fullwidth forms): its UTF-8 starts with a
// byte of 0xE3 or more, which no text below U+3000 holds.
constexpr unsigned char kFirstWideByte = 0xE3;
bool is_wide(std::string_view text) {
  // Eight bytes at a time: most text is ASCII, and a word of ASCII has no high bit set.
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    if (utf8::all_ascii(utf8::load_eight(text, i))) continue;
    for (std::size_t k = i; k < i + 8; ++k) {
      if (static_cast<unsigned char>(text[k]) >= kFirstWideByte) return true;
    }
  }
  for (; i < text.size(); ++i) {
    if (static_cast<unsigned char>(text[i]) >= kFirstWideByte) return true;
  }
  return false;
}

// Every row's needles, each with that row's bit, for one scan per block: the wide ones or the others.
std::vector<std::pair<std::string_view, std::uint64_t>> row_needles(const std::vector<CategoryPatterns>& table,
                                                                    bool wide) {
  std::vector<std::pair<std::string_view, std::uint64_t>> needles;
  for (std::size_t r = 0; r < table.size(); ++r) {
    for (std::string_view needle : table[r].needles) {
      if (is_wide(needle) == wide) needles.emplace_back(needle, std::uint64_t{1} << r);
    }
  }
  if (!wide) {
    for (std::string_view needle : kBylineCasedNeedles) needles.emplace_back(needle, kBylineCasedBit);
  }
  return needles;
}

}  // namespace

const NeedleSet& Lexicon::Patterns::wide_needles() const {
  std::call_once(wide_built, [this] { wide.emplace(row_needles(pattern_table(), true)); });
  return *wide;
}

Lexicon::Lexicon() : patterns_(std::make_unique<Patterns>(NeedleSet(row_needles(pattern_table(), false)))) {
  const std::vector<CategoryPatterns>& table = pattern_table();
  if (table.size() > 63) throw std::logic_error("lexicon: more rows than needle bits");
  for (std::size_t r = 0; r < table.size(); ++r) {
    const CategoryPatterns& row = table[r];
    const std::uint64_t bit = row.needles.empty() ? 0 : std::uint64_t{1} << r;
    patterns_->rows.emplace_back(row.category, row.max_words, row.weak, bit, row.needs_digit, row.pattern);
  }
  patterns_->byline_cased = boost::regex(kBylineCased, boost::regex::perl | boost::regex::optimize);
}

Lexicon::~Lexicon() = default;

const Lexicon& Lexicon::instance() {
  static const Lexicon lexicon;
  return lexicon;
}

LexiconMatch Lexicon::match(std::string_view text, int words, Prefilter prefilter) const {
  LexiconMatch result;
  // The patterns are lower case and the block is lower-cased (European scripts too), so "VEA
  // TAMBIÉN" is matched as "vea también"; Boost's own case folding would reach only ASCII bytes.
  const std::string lower = utf8::lower_case(text);
  const char* begin = lower.data();
  const char* end = lower.data() + lower.size();
  // One scan finds every row's needles; a row whose needles are all absent cannot match.
  std::uint64_t found = ~std::uint64_t{0};
  if (prefilter == Prefilter::kUse) {
    found = patterns_->needles.scan(lower);
    if (is_wide(lower)) found |= patterns_->wide_needles().scan(lower);
  }
  const bool has_digit = std::any_of(lower.begin(), lower.end(), [](char c) { return c >= '0' && c <= '9'; });
  std::string beside_dates;  // the block with its dates blanked, once a date row matches
  for (const auto& row : patterns_->rows) {
    if (words > row.max_words) continue;
    if (row.needle_bit != 0 && (found & row.needle_bit) == 0) continue;
    if (row.needs_digit && prefilter == Prefilter::kUse && !has_digit) continue;
    const unsigned bit = static_cast<unsigned>(row.category);
    const bool is_legal = row.category == LexiconCategory::kLegal;
    const bool is_date = row.category == LexiconCategory::kDate;
    if (!is_legal && !is_date && ((result.categories >> bit) & 1u)) continue;
    // Compiled outside the try: a pattern that does not compile is a defect the tests must see
    // (tests/lexicon_test.cpp compiles every row), not a row that silently never matches.
    const boost::regex& regex = row.get();
    try {
      if (is_date) {
        // Every date of every date row is blanked out of `beside_dates`, so that "Redacción ·
        // Valdeolmos, 14 de septiembre de 2024 · 10:25" leaves two words, not five.
        for (boost::cregex_iterator it(begin, end, regex), done; it != done; ++it) {
          result.categories |= 1u << bit;
          if (beside_dates.empty()) beside_dates = lower;
          const auto at = static_cast<std::size_t>((*it)[0].first - begin);
          std::fill_n(beside_dates.begin() + static_cast<std::ptrdiff_t>(at), (*it)[0].length(), ' ');
        }
      } else if (boost::regex_search(begin, end, regex, boost::match_default)) {
        result.categories |= 1u << bit;
        if (is_legal) {
          ++result.legal_hits;
          result.legal_strong = result.legal_strong || !row.weak;
        }
      }
    } catch (const std::runtime_error&) {
      // Boost gives up on pathological input (regex complexity); the block keeps its other features.
    }
  }
  if (!beside_dates.empty()) {
    result.words_beside_date = utf8::count_words(beside_dates);
    result.date_beside_byline = has_byline_cue(beside_dates);
  }
  if (words <= kBylineCasedMaxWords &&
      (prefilter == Prefilter::kSkip || (found & kBylineCasedBit) != 0 ||
       has_capitals(text, kBylineCasedMinCapitals))) {
    try {
      if (boost::regex_search(text.begin(), text.end(), patterns_->byline_cased, boost::match_default)) {
        result.categories |= 1u << static_cast<unsigned>(LexiconCategory::kByline);
      }
    } catch (const std::runtime_error&) {
    }
  }
  return result;
}

}  // namespace winnow
