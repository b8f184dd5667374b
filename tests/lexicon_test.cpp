// Tests of the lexicon (lexicon.h): lines of clutter match their category; body sentences that
// happen to contain a trigger word ("share", "home", a date, "photo") match none of the whole-line
// categories; the word-count gate keeps long blocks out of short-line patterns.
#include "lexicon.h"

#include <gtest/gtest.h>

#include <span>
#include <string>
#include <thread>
#include <vector>

#include "block_shape.h"

namespace winnow {
namespace {

using C = LexiconCategory;

const char* category_name(C c) {
  switch (c) {
    case C::kLegal: return "legal";
    case C::kPrompt: return "prompt";
    case C::kTeaserMarker: return "teaser-marker";
    case C::kTeaserInline: return "teaser-inline";
    case C::kComments: return "comments";
    case C::kSourcePointer: return "source-pointer";
    case C::kCaption: return "caption";
    case C::kCookie: return "cookie";
    case C::kAdvert: return "advert";
    case C::kNavigation: return "navigation";
    case C::kByline: return "byline";
    case C::kDate: return "date";
    case C::kTagList: return "tag-list";
    case C::kUrl: return "url";
    case C::kCredit: return "credit";
    default: return "?";
  }
}

std::string names(const LexiconMatch& match) {
  std::string out;
  for (unsigned c = 0; c < static_cast<unsigned>(C::kCount); ++c) {
    if (match.has(static_cast<C>(c))) out += std::string(out.empty() ? "" : ",") + category_name(static_cast<C>(c));
  }
  return out.empty() ? "none" : out;
}

// Matches a line the way the pipeline does: with the word count its shape gives.
LexiconMatch match_line(std::string_view text) {
  const Lexicon& lexicon = Lexicon::instance();
  const int words = shape_block(Block{std::string(text), {}}, lexicon).words;
  return lexicon.match(text, words);
}

struct LineCase {
  const char* line;
  C category;
};

// Each line matches (at least) its category.
void expect_categories(std::span<const LineCase> cases) {
  for (const LineCase& c : cases) {
    const LexiconMatch match = match_line(c.line);
    EXPECT_TRUE(match.has(c.category)) << '"' << c.line << "\" should be " << category_name(c.category)
                                       << ", matched " << names(match);
  }
}

// No sentence matches any category.
void expect_no_category(std::span<const char* const> sentences) {
  for (const char* sentence : sentences) {
    const LexiconMatch match = match_line(sentence);
    EXPECT_EQ(match.categories, 0u) << '"' << sentence << "\" matched " << names(match);
  }
}

TEST(Lexicon, LinesMatchTheirCategory) {
  const LineCase cases[] = {
      // Legal, licensing and paywall notices.
      {"\xC2\xA9 2024 Coastal Herald Media Ltd. All rights reserved.", C::kLegal},
      {"Copyright 2023 Northwind Press", C::kLegal},
      {"(c) 2022 Northwind Press", C::kLegal},
      {"Copying articles to share with others is a breach of our T&Cs and Copyright Policy.", C::kLegal},
      {"This material may not be published, broadcast, rewritten or redistributed.", C::kLegal},
      {"Subscribe now to continue reading.", C::kLegal},
      {"Privacy Policy", C::kLegal},
      {"Terms of Use", C::kLegal},
      {"Alle Rechte vorbehalten.", C::kLegal},
      {"Tous droits r\xC3\xA9serv\xC3\xA9s.", C::kLegal},
      {"Todos los derechos reservados.", C::kLegal},
      // Share, follow, join and subscribe prompts.
      {"Share This", C::kPrompt},
      {"Share", C::kPrompt},
      {"Share this article", C::kPrompt},
      {"For the latest stories download the Harbour News apps for iOS and Android.", C::kPrompt},
      {"Download our app", C::kPrompt},
      {"Facebook Twitter Email", C::kPrompt},
      {"Tweet", C::kPrompt},
      {"JOIN US ON TELEGRAM", C::kPrompt},
      {"Follow our coverage of the storm on @CoastalHerald.", C::kPrompt},
      {"Follow us on Instagram", C::kPrompt},
      {"Sign up for our daily newsletter", C::kPrompt},
      {"Get the best stories delivered straight to your inbox.", C::kPrompt},
      {"Share on Facebook", C::kPrompt},
      {"Folgen Sie uns auf Instagram", C::kPrompt},
      {"Suivez-nous sur Facebook", C::kPrompt},
      {"Jetzt registrieren", C::kPrompt},
      {"Jetzt kostenlos registrieren", C::kPrompt},
      {"Jetzt anmelden", C::kPrompt},
      {"Newsletter abonnieren", C::kPrompt},
      {"Inscrivez-vous \xC3\xA0 notre newsletter", C::kPrompt},
      {"Iscriviti alla newsletter", C::kPrompt},
      {"Stay up to date with our newsletter", C::kPrompt},
      {"Stay up-to-date with the latest news", C::kPrompt},
      {"Stay in the loop", C::kPrompt},
      {"Stay connected with us", C::kPrompt},
      // Teaser markers.
      {"Related", C::kTeaserMarker},
      {"Related posts", C::kTeaserMarker},
      {"RELATED ARTICLES", C::kTeaserMarker},
      {"Read more:", C::kTeaserMarker},
      {"Popular", C::kTeaserMarker},
      {"Most Read", C::kTeaserMarker},
      {"More from Business", C::kTeaserMarker},
      {"More stories", C::kTeaserMarker},
      {"Other Topics of Interest", C::kTeaserMarker},
      {"You may also like", C::kTeaserMarker},
      {"You might also like:", C::kTeaserMarker},
      {"Recommended for you", C::kTeaserMarker},
      {"Trending now", C::kTeaserMarker},
      {"See also", C::kTeaserMarker},
      {"Don't miss", C::kTeaserMarker},
      {"Lesen Sie auch", C::kTeaserMarker},
      {"\xC3\x80 lire aussi", C::kTeaserMarker},
      {"Te puede interesar", C::kTeaserMarker},
      {"Explore further", C::kTeaserMarker},
      {"Further information", C::kTeaserMarker},
      {"Related topics", C::kTeaserMarker},
      {"More on this story", C::kTeaserMarker},
      {"You may also be interested in", C::kTeaserMarker},
      // German.
      {"Weitere Beitr\xC3\xA4ge", C::kTeaserMarker},
      {"Weitere Artikel zum Thema Hafen", C::kTeaserMarker},
      {"Schon gelesen?", C::kTeaserMarker},
      {"Zum Weiterlesen", C::kTeaserMarker},
      {"Weiterlesen", C::kTeaserMarker},
      {"Empfohlene Beitr\xC3\xA4ge", C::kTeaserMarker},
      {"Das k\xC3\xB6nnte dich auch interessieren", C::kTeaserMarker},
      {"Weiterf\xC3\xBChrende Links", C::kTeaserMarker},
      {"Verwandte Themen", C::kTeaserMarker},
      {"\xC3\x84hnliche Beitr\xC3\xA4ge", C::kTeaserMarker},
      {"Beliebte Artikel", C::kTeaserMarker},
      {"Neueste Beitr\xC3\xA4ge", C::kTeaserMarker},
      {"Lust auf mehr?", C::kTeaserMarker},
      {"Mehr aus der Region", C::kTeaserMarker},
      {"Alle Artikel zum Thema Hafen", C::kTeaserMarker},
      {"Siehe auch", C::kTeaserMarker},
      {"Meistgelesene Artikel", C::kTeaserMarker},
      {"Top-Themen", C::kTeaserMarker},
      // French, Spanish, Italian, Polish, Portuguese, Dutch.
      {"Vous aimerez aussi", C::kTeaserMarker},
      {"Vous aimerez peut-\xC3\xAAtre aussi", C::kTeaserMarker},
      {"\xC3\x80 lire \xC3\xA9galement", C::kTeaserMarker},
      {"Voir aussi", C::kTeaserMarker},
      {"Articles li\xC3\xA9s", C::kTeaserMarker},
      {"Les plus lus", C::kTeaserMarker},
      {"Lea tambi\xC3\xA9n", C::kTeaserMarker},
      {"Te recomendamos", C::kTeaserMarker},
      {"Lo m\xC3\xA1s le\xC3\xAD" "do", C::kTeaserMarker},
      {"Leggi anche", C::kTeaserMarker},
      {"I pi\xC3\xB9 letti", C::kTeaserMarker},
      {"Czytaj tak\xC5\xBC" "e", C::kTeaserMarker},
      {"Zobacz te\xC5\xBC", C::kTeaserMarker},
      {"Polecamy", C::kTeaserMarker},
      {"Najcz\xC4\x99\xC5\x9B" "ciej czytane", C::kTeaserMarker},
      {"Podobne artyku\xC5\x82y", C::kTeaserMarker},
      {"Leia tamb\xC3\xA9m", C::kTeaserMarker},
      {"Mais lidas", C::kTeaserMarker},
      {"Lees ook", C::kTeaserMarker},
      {"Meest gelezen", C::kTeaserMarker},
      // One-line teasers.
      {"Read: Harbour town votes to rebuild its pier", C::kTeaserInline},
      {"READ MORE: Ferry fares to rise in spring", C::kTeaserInline},
      {"See also: The long history of the old pier", C::kTeaserInline},
      {"Lesen Sie auch: Der Hafen wird erneuert", C::kTeaserInline},
      {"Lea tambi\xC3\xA9n: El puerto cierra por obras", C::kTeaserInline},
      {"Lea: El puerto cierra por obras", C::kTeaserInline},
      {"Vea tambi\xC3\xA9n: La nueva ley del puerto", C::kTeaserInline},
      {"Czytaj wi\xC4\x99" "cej: Port zostanie przebudowany", C::kTeaserInline},
      {"Czytaj tak\xC5\xBC" "e: Port zostanie przebudowany", C::kTeaserInline},
      {"Zobacz te\xC5\xBC: Nowy prom na Ba\xC5\x82tyku", C::kTeaserInline},
      {"Weiterlesen: Der Hafen wird erneuert", C::kTeaserInline},
      {"Mehr dazu: Der Hafen wird erneuert", C::kTeaserInline},
      {"Voir aussi : Le port sera r\xC3\xA9nov\xC3\xA9", C::kTeaserInline},
      {"Leggi anche: Il porto sar\xC3\xA0 rinnovato", C::kTeaserInline},
      {"Leia mais: O porto ser\xC3\xA1 renovado", C::kTeaserInline},
      {"Lees ook: De haven wordt vernieuwd", C::kTeaserInline},
      // Comment sections.
      {"Comments", C::kComments},
      {"3 Comments", C::kComments},
      {"Post a Comment", C::kComments},
      {"Leave a Reply", C::kComments},
      {"Leave feedback about this", C::kComments},
      {"Join the discussion", C::kComments},
      {"Comments are closed.", C::kComments},
      {"Your email address will not be published.", C::kComments},
      {"No comments yet", C::kComments},
      {"Comments are moderated and will appear after approval.", C::kComments},
      {"Keine Kommentare", C::kComments},
      {"Kommentar schreiben", C::kComments},
      {"Einen Kommentar hinterlassen", C::kComments},
      {"Kommentieren", C::kComments},
      {"Laisser un commentaire", C::kComments},
      {"Deja un comentario", C::kComments},
      {"Dodaj komentarz", C::kComments},
      {"Komentarze", C::kComments},
      {"Lascia un commento", C::kComments},
      // What opens a comment section under an article.
      {"3 Comments", C::kCommentSection},
      {"53 Comments \xC2\xBB", C::kCommentSection},
      {"1,204 comments", C::kCommentSection},
      {"Leave a Reply", C::kCommentSection},
      {"2 thoughts on \xE2\x80\x9CHarbour town votes to rebuild its pier\xE2\x80\x9D", C::kCommentSection},
      {"One thought on \xE2\x80\x9CHarbour town votes to rebuild its pier\xE2\x80\x9D", C::kCommentSection},
      {"12 responses to \"Harbour town votes to rebuild its pier\"", C::kCommentSection},
      // Source pointers.
      {"Source link", C::kSourcePointer},
      {"First Appeared on", C::kSourcePointer},
      {"Read more on original:", C::kSourcePointer},
      {"Source: Coastal Herald", C::kSourcePointer},
      {"This article first appeared on Northwind News", C::kSourcePointer},
      {"Originally published on the Harbour Blog", C::kSourcePointer},
      // Captions and credits.
      {"FILE PHOTO: A ferry leaves the harbour at dawn in Port Ellery, March 3, 2021.", C::kCaption},
      {"Photo: Ann Lee/Coastal Herald", C::kCaption},
      {"Image: Supplied", C::kCaption},
      {"(Photo by Tom Reed)", C::kCaption},
      {"Fishermen unload their catch at the old pier. (AP Photo/Jane Roe)", C::kCaption},
      {"Susan Walsh / AP", C::kCaption},
      {"Amr Dalsh / Reuters", C::kCaption},
      {"Foto: Hafenamt", C::kCaption},
      {"Beitragsbild", C::kCaption},
      {"Symbolbild", C::kCaption},
      {"Bild anzeigen", C::kCaption},
      {"Bild via Instagram", C::kCaption},
      {"Foto via Pixabay", C::kCaption},
      // Cookie banners.
      {"We use cookies to improve your browsing experience.", C::kCookie},
      {"Accept all cookies", C::kCookie},
      {"This website uses cookies.", C::kCookie},
      // Advertising labels.
      {"Advertisement", C::kAdvert},
      {"ADVERTISEMENT", C::kAdvert},
      {"Sponsored content", C::kAdvert},
      {"Story continues below advertisement", C::kAdvert},
      {"Anzeige", C::kAdvert},
      // Navigation.
      {"Home", C::kNavigation},
      {"Skip to content", C::kNavigation},
      {"Skip to main content", C::kNavigation},
      {"Back to top", C::kNavigation},
      {"Home > News > Local", C::kNavigation},
      {"Home \xC2\xBB World \xC2\xBB Europe", C::kNavigation},
      {"Menu", C::kNavigation},
      {"Load more", C::kNavigation},
      {"Zur\xC3\xBC" "ck", C::kNavigation},
      {"\xC2\xAB Zur\xC3\xBC" "ck", C::kNavigation},
      {"Weiter", C::kNavigation},
      {"Nach oben", C::kNavigation},
      {"Suche", C::kNavigation},
      {"Kontakt", C::kNavigation},
      {"Mehr anzeigen", C::kNavigation},
      {"Rechercher", C::kNavigation},
      {"Voir plus", C::kNavigation},
      {"Iniciar sesi\xC3\xB3n", C::kNavigation},
      {"Ver m\xC3\xA1s", C::kNavigation},
      {"Szukaj", C::kNavigation},
      {"Zobacz wi\xC4\x99" "cej", C::kNavigation},
      {"Contatti", C::kNavigation},
      // Bylines and source lines.
      {"By Ann Lee", C::kByline},
      {"By Ann Lee and Tom Reed", C::kByline},
      {"BY ANN LEE", C::kByline},
      {"Reuters - Reuters", C::kByline},
      {"Coastal Wire - Coastal Wire", C::kByline},
      {"Posted by admin on", C::kByline},
      {"Staff Writer", C::kByline},
      {"5 min read", C::kByline},
      {"Ann Lee, Port Ellery, Tom Reed and Mia Holt in Northgate", C::kByline},
      // Publication and update lines that carry a year.
      {"Published 4 April 2024, 18:05 BST | Updated 5 April 2024, 08:30 BST", C::kByline},
      {"Published 4 April 2024", C::kByline},
      {"Last modified: 2023-03-03", C::kByline},
      {"Ver\xC3\xB6" "ffentlicht am 4. April 2024, 18:05 Uhr", C::kByline},
      {"Aktualisiert am 5. April 2024", C::kByline},
      {"Mis \xC3\xA0 jour le 5 avril 2024 \xC3\xA0 08h30", C::kByline},
      {"Publicado el 4 de abril de 2024", C::kByline},
      {"Actualizado el 5 de abril de 2024, 08:30", C::kByline},
      // Dates standing alone.
      {"March 6, 2024", C::kDate},
      {"6 March 2024", C::kDate},
      {"2024-03-06", C::kDate},
      {"06/03/2024", C::kDate},
      {"Today: Friday, 8 March", C::kDate},
      {"3 hours ago", C::kDate},
      {"10:45 am", C::kDate},
      {"Updated: 12:30 GMT", C::kDate},
      // Category and tag lists.
      {"MidEast|Political|World", C::kTagList},
      {"Tags: harbour, ferries, council", C::kTagList},
      {"Filed under: Local News", C::kTagList},
      // Bare URLs.
      {"https://www.example.com/news/2024/pier-rebuild", C::kUrl},
      {"http://example.net/a?b=c", C::kUrl},
      {"www.example.org", C::kUrl},
      {"example.com", C::kUrl},
  };
  expect_categories(cases);
}

// The patterns are lower case; Boost folds only ASCII bytes, so the block is lower-cased (European
// scripts) before matching and a heading in capitals matches like its lower-case form.
TEST(Lexicon, CapitalsOutsideAsciiMatchLikeLowerCase) {
  const LineCase cases[] = {
      {"VEA TAMBI\xC3\x89N: algo", C::kTeaserInline},
      {"LEA TAMBI\xC3\x89N: El puerto cierra por obras", C::kTeaserInline},
      {"CZYTAJ TAK\xC5\xBB" "E: Port zostanie przebudowany", C::kTeaserInline},
      {"\xC3\x84HNLICHE ARTIKEL", C::kTeaserMarker},
      {"\xC3\x84hnliche Artikel", C::kTeaserMarker},
      {"WEITERE BEITR\xC3\x84GE", C::kTeaserMarker},
      {"\xC3\x80 LIRE AUSSI", C::kTeaserMarker},
      {"LO M\xC3\x81S LE\xC3\x8D" "DO", C::kTeaserMarker},
      {"CZYTAJ TAK\xC5\xBB" "E", C::kTeaserMarker},
      {"PODOBNE ARTYKU\xC5\x81Y", C::kTeaserMarker},
      {"KEINE KOMMENTARE", C::kComments},
      {"JETZT REGISTRIEREN", C::kPrompt},
      {"ZUR\xC3\x9C" "CK", C::kNavigation},
      {"INICIAR SESI\xC3\x93N", C::kNavigation},
      {"VER M\xC3\x81S", C::kNavigation},
      {"ZOBACZ WI\xC4\x98" "CEJ", C::kNavigation},
      {"VER\xC3\x96" "FFENTLICHT AM 4. APRIL 2024", C::kByline},
  };
  expect_categories(cases);
}

// POLICY.md names "Read:" itself as a teaser marker.
TEST(Lexicon, BareReadColonIsATeaserMarker) {
  EXPECT_TRUE(match_line("Read:").has(C::kTeaserMarker)) << names(match_line("Read:"));
}

// Separators outside ASCII ("·", "•") sit in byte-wise character classes in lexicon.cpp, so the
// tag-list and share-bar patterns that use them do not match.
TEST(Lexicon, TagListSeparatedByMiddleDots) {
  EXPECT_TRUE(match_line("Politics \xC2\xB7 Economy \xC2\xB7 World").has(C::kTagList));
  EXPECT_TRUE(match_line("Politics \xE2\x80\xA2 Economy \xE2\x80\xA2 World").has(C::kTagList));
}

TEST(Lexicon, ShareBarSeparatedByBullets) {
  EXPECT_TRUE(match_line("Facebook | Twitter | Email").has(C::kPrompt));
  EXPECT_TRUE(match_line("Facebook \xE2\x80\xA2 Twitter \xE2\x80\xA2 Email").has(C::kPrompt));
  EXPECT_TRUE(match_line("Share \xC2\xB7 Tweet \xC2\xB7 Email").has(C::kPrompt));
}

// Breadcrumb items may hold any character but a separator: ’ (E2 80 99), – (E2 80 93) and ú
// (C3 BA) share bytes with '›' or '»' and were rejected by a byte class. A comparison, a line
// quoting with « », and a diagram with arrows both ways are no breadcrumb.
TEST(Lexicon, BreadcrumbItemsHoldCharactersOutsideAscii) {
  const struct {
    const char* line;
    bool breadcrumb;
  } cases[] = {
      {"Home > Today\xE2\x80\x99s news > World", true},
      {"Home \xC2\xBB Sport \xE2\x80\x93 Results \xC2\xBB Football", true},
      {"Inicio \xE2\x80\xBA M\xC3\xBAsica \xE2\x80\xBA Rock", true},
      {"Docs \xE2\x86\x92 Install \xE2\x86\x92 Linux", true},
      {"Keep platelets > 75K", false},
      {"WHERE o.total > 1000", false},
      {"Des publications de \xC2\xAB volume \xC2\xBB tr\xC3\xA8s diff\xC3\xA9rent", false},
      {"main \xE2\x86\x92 A \xE2\x86\x90 B \xE2\x86\x90 C", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(match_line(c.line).has(C::kNavigation), c.breadcrumb) << c.line << ": " << names(match_line(c.line));
  }
}

// Body text: full sentences that contain a trigger word but are not clutter. None may match a
// category at all (they hold no legal or cookie wording either).
TEST(Lexicon, BodySentencesMatchNothing) {
  const char* sentences[] = {
      "The council said it would share more details about the rebuilding plan with residents at a public "
      "meeting next month.",
      "Share prices of the ferry operator fell by almost ten per cent after the announcement on Monday morning.",
      "Home owners along the seafront have complained for years that the old pier blocks their view of the bay.",
      "Related research published last year found that the water in the bay had warmed by two degrees since 1990.",
      "Comments made by the mayor on Tuesday drew sharp criticism from opposition councillors and shop owners.",
      "The vote took place on March 6, 2024, after a consultation that lasted more than three months and drew "
      "hundreds of replies.",
      "Source documents seen by the Coastal Herald show that the contract was signed before the consultation ended.",
      "Photo albums from the 1950s show the pier crowded with families on summer weekends, long before the ferry "
      "service began.",
      "The mayor (pictured above, left) shook hands with the head of the ferry company after the vote on Thursday.",
      "Follow-up inspections are planned for the spring, when engineers will check the foundations of the pier again.",
      "Read the full report, which runs to more than two hundred pages, and you will find no mention of the ferry "
      "contract at all.",
      "Popular opinion in the town has turned against the ferry company since the winter storms.",
      "More than 200 residents attended the meeting.",
      "Most residents welcomed the decision.",
      "\xE2\x80\x9CWe will not let the pier fall into the sea,\xE2\x80\x9D the mayor told reporters on Friday.",
      "Die Stadt will den alten Hafen bis zum n\xC3\xA4" "chsten Sommer erneuern, sagte der B\xC3\xBCrgermeister am "
      "Donnerstag.",
      "Harbour town votes to rebuild its pier",
      "A shop worth saving",
      "Nobody slept.",
  };
  for (const char* sentence : sentences) {
    const LexiconMatch match = match_line(sentence);
    EXPECT_EQ(match.categories, 0u) << '"' << sentence << "\" matched " << names(match);
    EXPECT_EQ(match.legal_hits, 0) << sentence;
  }
}

// The agency credit closing a wire story is kept (POLICY.md); it has a category of its own, and must
// not read as a byline, which the decoder would drop.
// Body text in the languages of the new rows: sentences that begin with, or contain, the words of a
// teaser marker, prompt, comment heading, caption or menu entry, and match no category.
TEST(Lexicon, BodySentencesInOtherLanguagesMatchNothing) {
  const char* sentences[] = {
      // German.
      "Weitere Informationen erhalten Sie bei der Stadtverwaltung, die am Montag \xC3\xB6" "ffnet.",
      "Weitere Beitr\xC3\xA4ge zur Hafengeschichte sollen im n\xC3\xA4" "chsten Jahr in einem Sammelband "
      "erscheinen.",
      "Weiterf\xC3\xBChrende Informationen finden Sie auf der Website der Stadt.",
      "Schon gelesen hatte sie das Buch nicht.",
      "Zum Weiterlesen fehlte ihm nach der langen Sitzung am Abend schlicht die Zeit.",
      "Mehr als 200 Menschen kamen zur Versammlung.",
      "Mehr aus der Region erfahren Sie morgen in unserer Sendung am Abend.",
      "Zur\xC3\xBC" "ck in der Heimat er\xC3\xB6" "ffnete sie ein kleines Caf\xC3\xA9 am Markt.",
      "Die Suche nach dem vermissten Segler wurde am Abend eingestellt.",
      "Nach oben f\xC3\xBChrt nur eine schmale Treppe.",
      "Weiter geht es am Montag mit der zweiten Lesung im Stadtrat.",
      "Jetzt registrieren sich immer mehr Fischer f\xC3\xBCr die neue Lizenz.",
      "Keine Kommentare gab es vom Hafenamt, das sich erst n\xC3\xA4" "chste Woche \xC3\xA4u\xC3\x9F" "ern will.",
      "Einen Kommentar zu schreiben, lehnte der B\xC3\xBCrgermeister am Freitag ab.",
      "Der B\xC3\xBCrgermeister wollte den Bericht nicht kommentieren.",
      "Die Kommentare der Leser waren \xC3\xBC" "berwiegend positiv, sagte die Redaktion am Dienstag.",
      "Das Bild via Satellit zeigt den \xC3\xBC" "berfluteten Hafen.",
      "Beitragsbild und Text stammen von der Stadtverwaltung, die den Umbau am Montag vorstellte.",
      "Suche nach \xC3\x9C" "berlebenden eingestellt",
      // French, Spanish, Italian, Polish.
      "Vous aimerez aussi la vue sur la baie depuis le vieux port.",
      "Voir aussi loin que possible \xC3\xA9tait son r\xC3\xAAve.",
      "Les plus lus de ses livres parlent de la mer.",
      "Lo m\xC3\xA1s le\xC3\xAD" "do del a\xC3\xB1o fue un art\xC3\xAD" "culo sobre el puerto.",
      "Lea tambi\xC3\xA9n el informe completo antes de votar, pidi\xC3\xB3 la alcaldesa.",
      "Te recomendamos llegar temprano, dijo el capit\xC3\xA1n del puerto.",
      "Leggi anche le regole del porto prima di partire.",
      "Czytaj tak\xC5\xBC" "e instrukcj\xC4\x99 obs\xC5\x82ugi, zanim uruchomisz urz\xC4\x85" "dzenie po raz "
      "pierwszy.",
      "Polecamy wszystkim mieszka\xC5\x84" "com ostro\xC5\xBCno\xC5\x9B\xC4\x87.",
      // English.
      "Explore further afield and you will find quieter beaches along the coast.",
      "Further information will be published by the council next week.",
      "Stay informed about the storm, the council urged residents on Monday, and keep away from the seafront.",
      "Updated figures for 2023 show that the harbour lost money again.",
      "The image via satellite shows the flooded harbour clearly.",
  };
  expect_no_category(sentences);
}

// Inline teasers and markers in more languages, photo credits naming a stock library or a caption
// label, affiliate disclosures and disclaimers, calls to support or donate, newsletter sign-ups and
// cookie notices outside English; the body sentences after them use the same words and match nothing.
TEST(Lexicon, MoreLanguagesAndNotices) {
  const LineCase cases[] = {
      {"Lea m\xC3\xA1s: El alcalde propone legalizar la venta de pescado en el muelle", C::kTeaserInline},
      {"Le puede interesar: El puerto abrir\xC3\xA1 tres nuevos muelles", C::kTeaserInline},
      {"\xC3\x80 lire aussi \xC2\xBB Ballonnements, lourdeurs : quel est votre profil ?", C::kTeaserInline},
      {"Auch lesen: Diese drei H\xC3\xA4" "fen lohnen einen Besuch", C::kTeaserInline},
      {"Mire: El capit\xC3\xA1n da positivo", C::kTeaserInline},
      {"Mehr Themen:", C::kTeaserMarker},
      {"Kuva: Alexander Becher", C::kCaption},
      {"Imagen: T\xC3\xA9lam", C::kCaption},
      {"Abbildung 4: Eine klassische Schwachschicht.", C::kCaption},
      {"Photo by Jane Doe on Unsplash", C::kCaption},
      {"Quelle: jorisvo / Fotolia.com", C::kCaption},
      {"Unser Lastenrad am Alten Hafen. Foto: Miriam K\xC3\xB6hler/cc by 2.0", C::kCaption},
      {"This post contains affiliate links.", C::kLegal},
      {"Bei den Verlinkungen handelt es sich um Affiliate-Links.", C::kLegal},
      {"We may receive compensation if you visit partners we recommend.", C::kLegal},
      {"Alle Angaben ohne Gew\xC3\xA4hr.", C::kLegal},
      {"Kostenlos registrieren und weiterlesen", C::kLegal},
      {"Instant access to the full article PDF.", C::kLegal},
      {"Unterst\xC3\xBCtzen Sie unabh\xC3\xA4ngigen Journalismus", C::kPrompt},
      {"Jetzt spenden", C::kPrompt},
      {"Become a member", C::kPrompt},
      {"Hazte miembro y disfruta de beneficios exclusivos", C::kPrompt},
      {"Melde dich hier f\xC3\xBCr unseren Newsletter an.", C::kPrompt},
      {"We want to hear what you think about this article.", C::kPrompt},
      {"Submit your letter to the editor via this form", C::kPrompt},
      {"Wir respektieren deine Privatsph\xC3\xA4re", C::kCookie},
      {"Korzystamy z plik\xC3\xB3w cookies.", C::kCookie},
  };
  expect_categories(cases);
  const char* sentences[] = {
      "Lea m\xC3\xA1s despacio, recomend\xC3\xB3 la maestra a sus alumnos del puerto.",
      "Mire usted, dijo el alcalde, el muelle no se vende.",
      "Auch lesen konnte er nach dem Unfall nur noch mit Brille.",
      "Volunteers support us every weekend by cleaning the beach, the harbour master said.",
      "She hoped to become a member of the harbour council before the summer.",
      "Residents can donate today at the town hall, the council said.",
      "Affiliate links are a common way for bloggers to earn money from their readers.",
      "The photographer uploaded the harbour pictures to Unsplash and Flickr last year.",
      "The commission will receive the harbour report next week.",
  };
  expect_no_category(sentences);
}

// The words a date line holds beside its dates (every date found by any date row is left out), and
// whether a byline's "by", an '@' or a '|' stands beside them.
TEST(Lexicon, WordsBesideDates) {
  const struct {
    const char* line;
    int beside;
    bool byline;
  } cases[] = {
      {"14 de septiembre de 2024", 0, false},
      {"Monday, July 26, 2004", 1, false},
      {"July 24, 2012 7:07 AM", 0, false},  // the clock time is a date row's match too
      {"Redacci\xC3\xB3n \xC2\xB7 Valdeolmos, 14 de septiembre de 2024 \xC2\xB7 10:25", 2, false},
      {"11. Top Ten Replacements for Gonzales (Mar. 15, 2007)", 6, false},
      {"October 18th, 2012 by Mirko in Articles, Blog, Industry news", 7, true},
      {"By Ben Bowers on 10.29.12 | Photo by Google", 7, true},
      {"all other stuff, images - thebrainbehind @ 15:58", 5, true},
      {"Standby generators ordered on March 3, 2021 for the harbour", 7, false},
  };
  for (const auto& c : cases) {
    const LexiconMatch match = match_line(c.line);
    EXPECT_TRUE(match.has(C::kDate)) << c.line;
    EXPECT_EQ(match.words_beside_date, c.beside) << c.line;
    EXPECT_EQ(match.date_beside_byline, c.byline) << c.line;
  }
}

// Chinese and Japanese clutter matches its category; their body sentences that hold the same words
// (a share in a sentence, a "related" after a place name, a source in parentheses) match nothing.
TEST(Lexicon, ChineseAndJapaneseLines) {
  const LineCase clutter[] = {
      {"相关新闻", C::kTeaserMarker},
      {"【相關閱讀】", C::kTeaserMarker},
      {"猜你喜欢：", C::kTeaserMarker},
      {"関連記事", C::kTeaserMarker},
      {"あわせて読みたい", C::kTeaserMarker},
      {"版权所有 海洋科技报 未经授权禁止转载", C::kLegal},
      {"本文未经许可不得转载", C::kLegal},
      {"記事・写真の無断転載を禁じます。", C::kLegal},
      {"分享到：微信 微博 QQ空间", C::kPrompt},
      {"扫一扫，关注我们的微信公众号", C::kPrompt},
      {"この記事をシェア", C::kPrompt},
      {"发表评论", C::kComments},
      {"コメント（12）", C::kComments},
      {"（图片说明：工作人员在平台上进行检查。记者 张伟 摄）", C::kCaption},
      {"店内の喫茶スペースで本を読む客（筆者撮影）", C::kCaption},
      {"返回首页", C::kNavigation},
      {"当前位置：首页", C::kNavigation},
      {"トップへ戻る", C::kNavigation},
      {"2024-05-16 09:30:12 来源：海洋科技报 作者：李明", C::kByline},
      {"责任编辑：陈晓", C::kByline},
      {"文・山田花子", C::kByline},
      {"2024年3月8日 10:15", C::kDate},
  };
  expect_categories(clutter);
  const char* sentences[] = {
      "广东省相关新闻发布会定于明天上午举行。",
      "我把照片分享到朋友圈，很多朋友都点了赞。",
      "这项研究的数据由国家统计局提供）",
      "首页设计简洁，用户可以很快找到需要的信息。",
      "他在评论中写道，这座城市的变化令人惊讶。",
      "人気の店は週末になると長い行列ができる。",
      "佐藤さんは「書店は町の人が集まる場所でありたい」と語った。",
  };
  expect_no_category(sentences);
}

// Word boundaries are byte-wise: a letter outside ASCII is no word character to Boost, so a \b right
// after one would match only before another letter. The patterns end such words with a lookahead
// instead ("zapisz się", "publié"), which these lines need.
TEST(Lexicon, WordBoundaryAfterALetterOutsideAscii) {
  EXPECT_TRUE(match_line("Zapisz si\xC4\x99 do newslettera").has(C::kPrompt));
  EXPECT_TRUE(match_line("Zapisz si\xC4\x99").has(C::kPrompt));
  EXPECT_TRUE(match_line("Publi\xC3\xA9 le 4 avril 2024 \xC3\xA0 18h05").has(C::kByline));
}

// Multi-word rows must not match short body sentences and headlines that open with their words.
TEST(Lexicon, StayInformedInASentenceIsNoPrompt) {
  EXPECT_FALSE(match_line("Residents should stay informed.").has(C::kPrompt));
  EXPECT_FALSE(match_line("Residents were told to stay in the loop by checking the council website.").has(C::kPrompt));
}

TEST(Lexicon, CountedRepliesInASentenceOpenNoCommentSection) {
  EXPECT_FALSE(match_line("Two responses to the crisis were debated in parliament on Monday evening.")
                   .has(C::kCommentSection));
  EXPECT_FALSE(match_line("One response to the storm was to close the harbour.").has(C::kCommentSection));
}

// A byline that counts the comments sits above the article; the section opens further down.
TEST(Lexicon, BylineCountingCommentsOpensNoCommentSection) {
  EXPECT_FALSE(match_line("Posted on November 12, 2012 5:30AM by Anna Roberts \xC2\xB7 0 comments").has(C::kCommentSection));
  EXPECT_FALSE(match_line("By Roger Ebert on November 8, 2012 11:04 PM | 270 Comments | No TrackBacks")
                   .has(C::kCommentSection));
}

TEST(Lexicon, ShortGermanSentenceIsNoTeaserMarker) {
  EXPECT_FALSE(match_line("Mehr von uns h\xC3\xB6ren Sie bald.").has(C::kTeaserMarker));
  EXPECT_FALSE(match_line("Mehr \xC3\xBC" "ber ihn erfahren Sie im Interview.").has(C::kTeaserMarker));
  EXPECT_FALSE(match_line("Weitere Artikel folgen.").has(C::kTeaserMarker));
}

// A documentation page's sample address has no dot; a leftover link always has one.
TEST(Lexicon, AddressWithoutADotIsNoUrlLine) {
  EXPECT_FALSE(match_line("http://localhost:7071/api/MyHttpTrigger").has(C::kUrl));
  EXPECT_FALSE(match_line("http://localhost:<PORT>/api/<FUNCTION_NAME>").has(C::kUrl));
  EXPECT_TRUE(match_line("http://localhost:7071/api/report.pdf").has(C::kUrl));
  EXPECT_TRUE(match_line("https://intranet.local").has(C::kUrl));
}

TEST(Lexicon, HeadlineWithAYearIsNoByline) {
  EXPECT_FALSE(match_line("Updated guidance for the 2024 exam season").has(C::kByline));
  EXPECT_FALSE(match_line("Published accounts reveal 2023 losses at harbour trust").has(C::kByline));
}

TEST(Lexicon, AgencyCreditIsACreditNotAByline) {
  const char* credits[] = {
      "(Reporting by Ann Lee; additional reporting by Tom Reed; Editing by Mia Holt)",
      "(Reporting by Ann Lee in Port Ellery; Writing by Tom Reed; Editing by Mia Holt and Jo Park)",
      "Reporting by Ann Lee; Editing by Tom Reed",
  };
  for (const char* line : credits) {
    const LexiconMatch match = match_line(line);
    EXPECT_TRUE(match.has(C::kCredit)) << line << ": " << names(match);
    EXPECT_FALSE(match.has(C::kByline)) << line << ": " << names(match);
  }
}

TEST(Lexicon, WordCountGateKeepsLongBlocksOutOfShortLinePatterns) {
  const Lexicon& lexicon = Lexicon::instance();
  EXPECT_TRUE(lexicon.match("Share This", 2).has(C::kPrompt));
  EXPECT_FALSE(lexicon.match("Share This", 500).has(C::kPrompt));
  EXPECT_TRUE(lexicon.match("March 6, 2024", 3).has(C::kDate));
  EXPECT_FALSE(lexicon.match("March 6, 2024", 500).has(C::kDate));
  EXPECT_TRUE(lexicon.match("Related", 1).has(C::kTeaserMarker));
  EXPECT_FALSE(lexicon.match("Related", 500).has(C::kTeaserMarker));
  // Legal notices are matched at any length.
  EXPECT_TRUE(lexicon.match("\xC2\xA9 2024 Northwind Press", 500).has(C::kLegal));
}

TEST(Lexicon, LongNoticesHitSeveralLegalPatterns) {
  const std::string notice =
      "Copyright 2024 Northwind Press. All rights reserved. This material may not be published, broadcast, "
      "rewritten or redistributed without prior written permission. Copying articles to share with others is a "
      "breach of our T&Cs and Copyright Policy. Email licensing@northwind.example to buy additional rights.";
  const LexiconMatch match = match_line(notice);
  EXPECT_TRUE(match.has(C::kLegal));
  EXPECT_GE(match.legal_hits, 2);
  EXPECT_EQ(match_line("\xC2\xA9 Northwind Press").legal_hits, 1);
}

TEST(Lexicon, InstanceIsShared) { EXPECT_EQ(&Lexicon::instance(), &Lexicon::instance()); }

// Rows compile when a block first reaches them, so a pattern that does not compile would only show
// on some page. With the prefilter skipped, a one-word line that matches nothing reaches every row.
TEST(Lexicon, EveryPatternCompiles) {
  EXPECT_NO_THROW(Lexicon::instance().match("zzz", 1, Lexicon::Prefilter::kSkip));
}

// Many threads reaching rows for the first time at once compile each row once and agree. (ctest
// runs each test in a process of its own, so there the rows are compiled by these threads.)
TEST(Lexicon, ThreadsCompilingRowsAtOnceAgree) {
  const char* lines[] = {"Share this article", "All rights reserved", "Home > News > Local", "Read more", "zzz"};
  std::vector<std::thread> threads;
  std::vector<std::string> seen(8);
  for (std::size_t t = 0; t < seen.size(); ++t) {
    threads.emplace_back([&, t] {
      for (const char* line : lines) seen[t] += names(match_line(line)) + ";";
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& s : seen) EXPECT_EQ(s, seen[0]);
  EXPECT_EQ(seen[0], "prompt;legal;navigation;teaser-marker,navigation;none;");
}

TEST(Lexicon, PathologicalInputDoesNotThrow) {
  const Lexicon& lexicon = Lexicon::instance();
  const std::string long_line(200000, 'a');
  const std::string separators = [] {
    std::string s;
    for (int i = 0; i < 5000; ++i) s += "x | ";
    return s;
  }();
  EXPECT_NO_THROW(lexicon.match(long_line, 1));
  EXPECT_NO_THROW(lexicon.match(separators, 5));
  EXPECT_NO_THROW(lexicon.match("", 0));
  EXPECT_EQ(lexicon.match("", 0).categories, 0u);
}

// Long one-word blocks (a scraped blob with no spaces) reach every pattern, since each row's word
// limit counts words: built of the pieces the patterns look for, they must still match in linear
// time and never throw (a Boost complexity error is caught and the row counts as no match).
TEST(Lexicon, LongBlocksOfPatternPiecesMatchQuickly) {
  const char* pieces[] = {"a", "1", "1-", "by", "©", "http://a.b/", "jan 1,", "x|", "|", ":", "...", "–", "@x"};
  const Lexicon& lexicon = Lexicon::instance();
  for (const char* piece : pieces) {
    std::string text;
    while (text.size() < 200000) text += piece;
    for (int words : {1, 3}) {
      EXPECT_NO_THROW(lexicon.match(text, words)) << piece;
    }
  }
}

}  // namespace
}  // namespace winnow
