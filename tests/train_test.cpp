// Tests of training (train.h) on a tiny golden set of six invented pages (three text, three HTML):
// training succeeds, is deterministic (twice, and with one or two workers, the same model file),
// and the model it writes parses back.
#include "train.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support.h"

namespace winnow {
namespace {

using testing::TempDir;

struct Page {
  std::string id;
  std::string headline;
  std::vector<std::string> paragraphs;
};

const Page kPages[] = {
    {"harbour",
     "Port Ellery votes to rebuild its old wooden pier",
     {"The harbour council voted on Thursday to rebuild the town's old wooden pier, ending a dispute that had "
      "divided residents for almost three years.",
      "Councillors said the new pier would cost about four million pounds and would be finished before the start of "
      "the summer season.",
      "Fishermen said the decision had come just in time, because two of the old supports had cracked during the "
      "winter storms."}},
    {"library",
     "Northgate library reopens after a long restoration",
     {"The town library in Northgate reopened its doors on Saturday after a restoration that took more than two "
      "years and cost twice as much as planned.",
      "Visitors queued from early in the morning to see the restored reading room, whose painted ceiling had been "
      "hidden under plaster for decades.",
      "The librarian said the building would now stay open later on weekdays, so that students could use it after "
      "their classes."}},
    {"orchard",
     "Valley farmers expect a record apple harvest this autumn",
     {"Fruit farmers across the valley said this week that a warm spring and a wet summer had given them the "
      "largest apple crop they could remember.",
      "Several farms have hired extra pickers for September, and one cooperative has rented a second cold store to "
      "keep the fruit fresh until winter.",
      "Prices are expected to fall in the shops, although growers warned that the cost of fuel and packaging had "
      "risen sharply over the year."}},
    {"ferry",
     "Island ferry fares to rise after winter storm damage",
     {"The operator of the island ferries said on Monday that fares would rise by a tenth from April to pay for "
      "repairs to two of its boats.",
      "Both boats were damaged when a winter storm tore them from their moorings and drove them against the harbour "
      "wall during the night.",
      "Islanders said the rise would hit families who travel to the mainland for school and work every day of the "
      "week."}},
    {"museum",
     "Lighthouse museum opens its tower to visitors again",
     {"The lighthouse museum on the headland will open its tower to visitors again next weekend, after engineers "
      "finished repairing the spiral staircase.",
      "The staircase had been closed for two years because several of its iron steps had rusted through in the salt "
      "air of the coast.",
      "Volunteers who run the museum said they hoped the reopening would bring back the school groups that used to "
      "visit every spring."}},
    {"market",
     "Saturday market moves to the old railway yard",
     {"The Saturday market will move from the town square to the old railway yard next month, the council announced "
      "after a vote on Tuesday.",
      "Traders had asked for more space for years, and the yard offers room for twice as many stalls as well as "
      "parking for their vans.",
      "Some shop owners on the square said they feared losing the customers who came into town for the market every "
      "week."}},
};

// Three pages as scraped text, three as HTML, each with its furniture around the article.
void write_golden_set(const TempDir& dir) {
  for (std::size_t i = 0; i < std::size(kPages); ++i) {
    const Page& page = kPages[i];
    std::string gold = page.headline + "\n";
    for (const std::string& p : page.paragraphs) gold += p + "\n";
    dir.write("set/" + page.id + ".gold.txt", gold);
    if (i % 2 == 0) {
      std::string text = "Coastal Herald\nNews Sport Weather Culture Travel\nWednesday 12 June\n";
      text += page.headline + "\n";
      for (const std::string& p : page.paragraphs) text += p + "\nWeather warning for the coast tonight\n";
      text += "Share This\nMost Read\nCouncil approves new cycle lanes\nAbout the Coastal Herald newsroom team\n";
      dir.write("set/" + page.id + ".txt", text);
    } else {
      std::string html = "<!DOCTYPE html><html><head><title>" + page.headline +
                         " | Coastal Herald</title></head><body><header><p>Coastal Herald</p>"
                         "<nav><ul><li><a href=\"/news\">News</a></li><li><a href=\"/sport\">Sport</a></li>"
                         "<li><a href=\"/weather\">Weather</a></li></ul></nav></header><main><article><h1>" +
                         page.headline + "</h1>";
      for (const std::string& p : page.paragraphs) html += "<p>" + p + "</p>";
      html += "</article></main><aside class=\"sidebar\"><p><a href=\"/x\">Council approves new cycle lanes</a></p>"
              "</aside><footer class=\"site-footer\"><p>About the Coastal Herald newsroom team</p></footer>"
              "</body></html>";
      dir.write("set/" + page.id + ".html", html);
    }
  }
}

// Few, shallow trees keep training fast; the sampling (subsample, column_sample) stays on, so the
// determinism tests cover it.
constexpr int kRounds = 6;

// Options that learn from every page of `set`, kRounds trees of depth 3 a pass.
TrainOptions tiny_options(const std::string& set) {
  TrainOptions options;
  options.sets = {set};
  options.part = Part::kAll;
  options.boost.rounds = kRounds;
  options.boost.max_depth = 3;
  return options;
}

Status train(const std::string& set, int threads, Model* out, std::vector<std::string>* progress = nullptr) {
  TrainOptions options = tiny_options(set);
  options.threads = threads;
  if (progress != nullptr) options.progress = [progress](const std::string& line) { progress->push_back(line); };
  return train_model(options, default_model(), out);
}

// One section as the model file writes it: its threshold, switch cost and every tree.
std::string section_text(const SectionModel& section) {
  Model model;
  model.text = section;
  return serialize_model(model);
}

TEST(TrainModel, DeterministicOnATinyGoldenSet) {
  TempDir dir;
  write_golden_set(dir);
  const std::string set = dir / "set";

  Model first;
  std::vector<std::string> progress;
  const Status status = train(set, 1, &first, &progress);
  ASSERT_TRUE(status.ok()) << status.message;
  EXPECT_FALSE(progress.empty());

  Model second;
  ASSERT_TRUE(train(set, 1, &second).ok());
  EXPECT_EQ(serialize_model(second), serialize_model(first)) << "the same sets give the same model";

  Model threaded;
  ASSERT_TRUE(train(set, 2, &threaded).ok());
  EXPECT_EQ(serialize_model(threaded), serialize_model(first)) << "the number of workers does not matter";

  // Both sections were learned: both passes have one tree per round, the first pass never splits
  // on the context features it cannot see, and neither section is the starting model.
  for (const auto& [name, section] : {std::pair{"[text]", &first.text}, std::pair{"[html]", &first.html}}) {
    EXPECT_EQ(section->first_pass.roots.size(), static_cast<std::size_t>(kRounds)) << name;
    EXPECT_EQ(section->second_pass.roots.size(), static_cast<std::size_t>(kRounds)) << name;
    for (const TreeNode& node : section->first_pass.nodes) {
      if (node.feature != TreeNode::kLeaf) {
        EXPECT_LT(node.feature, kFirstContextFeature) << name;
      }
    }
    EXPECT_GT(section->threshold, 0.0f) << name;
    EXPECT_LT(section->threshold, 1.0f) << name;
    EXPECT_GE(section->switch_cost, 0.0f) << name;
  }
  EXPECT_NE(section_text(first.text), section_text(default_model().text));
  EXPECT_NE(section_text(first.html), section_text(default_model().html));

  Model reparsed;
  const Status parsed = parse_model(serialize_model(first), "trained", &reparsed);
  ASSERT_TRUE(parsed.ok()) << parsed.message;
  EXPECT_EQ(serialize_model(reparsed), serialize_model(first));
}

// A set's weight scales its pages' rows: the same set at weight 3 learns other trees, and a weight
// for a set that was not given, or out of range, is refused before training.
TEST(TrainModel, SetWeightsScaleTheSetsPagesAndMustNameAGivenSet) {
  TempDir dir;
  write_golden_set(dir);
  const std::string set = dir / "set";
  TrainOptions options = tiny_options(set);
  options.boost.min_child_weight = 2;  // a leaf's least weight is what a heavier set reaches sooner
  Model plain;
  ASSERT_TRUE(train_model(options, default_model(), &plain).ok());
  options.set_weights["set"] = 3.0f;
  Model weighted;
  const Status status = train_model(options, default_model(), &weighted);
  ASSERT_TRUE(status.ok()) << status.message;
  EXPECT_NE(serialize_model(weighted), serialize_model(plain));

  const std::vector<std::pair<std::string, float>> refused = {{"other", 1.0f}, {"set", 0.0f}, {"set", 101.0f}};
  for (const auto& [name, weight] : refused) {
    options.set_weights = {{name, weight}};
    Model unused;
    const Status bad = train_model(options, default_model(), &unused);
    EXPECT_EQ(bad.code, ErrorCode::kUsage) << name << " " << weight;
    EXPECT_NE(bad.message.find(name), std::string::npos) << bad.message;
  }
}

// A set whose gold keeps the comments under its articles: with --gold-keeps-comments, the blocks
// from the "3 Comments" opener on are not learned from, so fewer blocks are labelled; the article
// above the opener still is.
TEST(TrainModel, GoldKeepsCommentsLeavesTheCommentSectionUnlearned) {
  TempDir dir;
  for (std::size_t i = 0; i < std::size(kPages); ++i) {
    const Page& page = kPages[i];
    const Page& commenter = kPages[(i + 1) % std::size(kPages)];
    std::string text = "Coastal Herald\nNews Sport Weather\n" + page.headline + "\n";
    std::string gold = page.headline + "\n";
    for (const std::string& p : page.paragraphs) {
      text += p + "\n";
      gold += p + "\n";
    }
    text += "3 Comments\n";
    for (const std::string& p : commenter.paragraphs) {
      text += p + "\n";
      gold += p + "\n";  // this set's gold keeps the thread
    }
    dir.write("set/" + page.id + ".txt", text + "About the Coastal Herald\n");
    dir.write("set/" + page.id + ".gold.txt", gold);
  }
  auto labelled_blocks = [&](bool keeps_comments) {
    TrainOptions options;
    options.sets = {dir / "set"};
    options.part = Part::kAll;
    options.boost.rounds = 2;
    options.boost.max_depth = 2;
    if (keeps_comments) options.gold_keeps_comments = {"set"};
    std::vector<std::string> progress;
    options.progress = [&progress](const std::string& line) { progress.push_back(line); };
    Model model;
    const Status status = train_model(options, default_model(), &model);
    EXPECT_TRUE(status.ok()) << status.message;
    for (const std::string& line : progress) {
      const std::size_t at = line.find("first pass, all pages: ");
      if (at != std::string::npos) return std::stoi(line.substr(at + 23));
    }
    ADD_FAILURE() << "no row count in the progress";
    return 0;
  };
  const int all = labelled_blocks(false);
  const int without_comments = labelled_blocks(true);
  EXPECT_GT(without_comments, 0) << "the articles are still learned";
  EXPECT_LT(without_comments, all);

  TrainOptions unknown;
  unknown.sets = {dir / "set"};
  unknown.gold_keeps_comments = {"cleaneval"};
  Model unused;
  EXPECT_EQ(train_model(unknown, default_model(), &unused).code, ErrorCode::kUsage);
}

TEST(TrainModel, SectionWithoutPagesKeepsTheStartingSection) {
  TempDir dir;
  write_golden_set(dir);
  // Only the text pages.
  TempDir text_only;
  for (std::size_t i = 0; i < std::size(kPages); i += 2) {
    for (const char* suffix : {".txt", ".gold.txt"}) {
      text_only.write("set/" + kPages[i].id + suffix,
                      testing::read_whole_file(dir.path() / "set" / (kPages[i].id + suffix)));
    }
  }
  Model model;
  const Status status = train(text_only / "set", 1, &model);
  ASSERT_TRUE(status.ok()) << status.message;
  EXPECT_EQ(section_text(model.html), section_text(default_model().html));
  EXPECT_EQ(model.html.first_pass.nodes.size(), default_model().html.first_pass.nodes.size());
  EXPECT_EQ(model.html.second_pass.nodes.size(), default_model().html.second_pass.nodes.size());
  EXPECT_FLOAT_EQ(model.html.threshold, default_model().html.threshold);
  EXPECT_NE(section_text(model.text), section_text(default_model().text));
  EXPECT_EQ(model.text.first_pass.roots.size(), static_cast<std::size_t>(kRounds));
}

// --section: the section not asked for is the start model's, exactly; the one asked for is learned
// from the pages as when both are, so a user can retrain one section and keep the other.
TEST(TrainModel, OnlyTheSectionAskedForIsLearned) {
  TempDir dir;
  write_golden_set(dir);
  Model both;
  ASSERT_TRUE(train(dir / "set", 1, &both).ok());
  const struct {
    bool learn_text;
    bool learn_html;
  } cases[] = {{true, false}, {false, true}};
  for (const auto& c : cases) {
    TrainOptions options = tiny_options(dir / "set");
    options.learn_text = c.learn_text;
    options.learn_html = c.learn_html;
    Model model;
    const Status status = train_model(options, default_model(), &model);
    ASSERT_TRUE(status.ok()) << status.message;
    const SectionModel& learned = c.learn_text ? model.text : model.html;
    const SectionModel& kept = c.learn_text ? model.html : model.text;
    EXPECT_EQ(section_text(learned), section_text(c.learn_text ? both.text : both.html)) << c.learn_text;
    EXPECT_EQ(section_text(kept), section_text(c.learn_text ? default_model().html : default_model().text)) << c.learn_text;
  }
}

// A set with snippets and no gold text (as the trafilatura benchmark ships): its pages are learned
// from the blocks the snippets touch, and its sections keep the starting decoder parameters, since
// there are no gold tokens to tune them on.
TEST(TrainModel, SnippetOnlySetIsLearnedFromTheBlocksItsSnippetsTouch) {
  TempDir dir;
  write_golden_set(dir);
  TempDir snippets;
  for (std::size_t i = 0; i < std::size(kPages); ++i) {
    const Page& page = kPages[i];
    const std::string input = page.id + (i % 2 == 0 ? ".txt" : ".html");
    snippets.write("set/" + input, testing::read_whole_file(dir.path() / "set" / input));
    snippets.write("set/" + page.id + ".with.json", "[\"" + page.paragraphs[0].substr(0, 40) + "\", \"" +
                                                        page.paragraphs[2].substr(10, 30) + "\"]");
    snippets.write("set/" + page.id + ".without.json", "[\"News Sport Weather\", \"Wednesday 12 June\"]");
  }
  TrainOptions options;
  options.sets = {snippets / "set"};
  options.part = Part::kAll;
  options.boost.rounds = 2;
  options.boost.max_depth = 2;
  std::vector<std::string> progress;
  options.progress = [&progress](const std::string& line) { progress.push_back(line); };
  Model model;
  const Status status = train_model(options, default_model(), &model);
  ASSERT_TRUE(status.ok()) << status.message;
  // Text pages: two article blocks and two furniture blocks each (the teasers and the prompt at
  // the end are dropped by rules, not learned); crops are made only of pages with a gold text.
  int rows = -1;
  for (const std::string& line : progress) {
    const std::size_t at = line.find("first pass, all pages: ");
    if (at != std::string::npos && rows < 0) rows = std::stoi(line.substr(at + 23));
  }
  EXPECT_EQ(rows, 3 * 4);
  EXPECT_NE(section_text(model.text), section_text(default_model().text));
  EXPECT_FLOAT_EQ(model.text.threshold, default_model().text.threshold);
  EXPECT_FLOAT_EQ(model.text.switch_cost, default_model().text.switch_cost);
}

// Choosing the decoder's parameters: each row is one trial, each column one set, as (sum of the
// pages' F1, pages).
TEST(PooledChoice, Table) {
  auto set = [](double mean, int pages) { return SetF1{mean * pages, pages}; };
  const struct {
    const char* what;
    std::vector<std::vector<SetF1>> per_trial;
    std::size_t trial;
    double regret;
    std::size_t worst_set;
  } cases[] = {
      {"the best over all pages wins, and the small set's loss against its own best is reported",
       {{set(0.90, 1000), set(0.70, 100)}, {set(0.88, 1000), set(0.85, 100)}, {set(0.80, 1000), set(0.90, 100)}},
       0, 0.20, 1},
      {"a set below 50 pages is not counted in the loss",
       {{set(0.90, 1000), set(0.70, 10)}, {set(0.88, 1000), set(0.85, 10)}},
       0, 0.0, 0},
      {"when no set has 50 pages, every set is counted",
       {{set(0.90, 20), set(0.70, 10)}, {set(0.88, 20), set(0.85, 10)}},
       1, 0.02, 0},
      {"equal F1 over all pages: the first trial",
       {{set(0.80, 100), set(0.90, 100)}, {set(0.90, 100), set(0.80, 100)}},
       0, 0.10, 0},
  };
  for (const auto& c : cases) {
    const DecoderChoice choice = pooled_choice(c.per_trial, 50);
    EXPECT_EQ(choice.trial, c.trial) << c.what;
    EXPECT_NEAR(choice.pooled, (c.per_trial[c.trial][0].sum + c.per_trial[c.trial][1].sum) /
                                   (c.per_trial[c.trial][0].pages + c.per_trial[c.trial][1].pages), 1e-9) << c.what;
    EXPECT_NEAR(choice.regret, c.regret, 1e-9) << c.what;
    EXPECT_EQ(choice.worst_set, c.worst_set) << c.what;
  }
}

}  // namespace
}  // namespace winnow
