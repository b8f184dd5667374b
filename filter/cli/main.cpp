// winnow's command line: parses, then dispatches to one command. Nothing else happens here.
#include <iostream>

#include "commands.h"
#include "winnow/winnow.h"

int main(int argc, char** argv) {
  using namespace winnow::cli;
  CLI::App app{
      "winnow: strips boilerplate and web clutter from scraped pages, keeping the main content.\n\n"
      "  winnow < page.html > page.txt           clean one document from stdin (HTML or text, detected)\n"
      "  winnow FILE                             clean FILE to stdout\n"
      "  winnow --jsonl < in.jsonl > out.jsonl   clean the html (or text) field of every JSON line\n"
      "  winnow batch IN... -o OUT               clean trees of files, JSONL and WARC on every core\n"
      "  winnow explain FILE                     show every block with its score, decision and reason\n"
      "  winnow regress DIR...                   measure quality on golden sets\n"
      "  winnow train DIR... -o MODEL            learn a model from golden sets\n\n"
      "Exit codes: 0 ok, 1 quality regression or failure (some file or record could not be cleaned),\n"
      "2 bad usage or unreadable input, 130 interrupted.",
      "winnow"};
  app.set_version_flag("--version", std::string("winnow ") + std::string(winnow::kVersion));
  app.require_subcommand(0, 1);

  CleanCommand clean;
  setup_clean(app, clean);
  BatchCommand batch;
  CLI::App* batch_app = setup_batch(app, batch);
  ExplainCommand explain;
  CLI::App* explain_app = setup_explain(app, explain);
  RegressCommand regress;
  CLI::App* regress_app = setup_regress(app, regress);
  TrainCommand train;
  CLI::App* train_app = setup_train(app, train);

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  // An option of plain `winnow` given before a command would otherwise be silently ignored
  // (`winnow --model M explain F` would explain with the built-in model).
  for (const CLI::App* command : app.get_subcommands()) {  // the command given, if any
    for (const CLI::Option* option : app.get_options()) {
      if (option->count() == 0 || option->get_lnames().empty()) continue;
      std::cerr << "winnow: --" << option->get_lnames().front() << " given before '" << command->get_name()
                << "' belongs to plain 'winnow'; give " << command->get_name() << "'s own options after it"
                << " (see winnow " << command->get_name() << " --help)\n";
      return kExitUsage;
    }
  }
  if (batch_app->parsed()) return run_batch_command(batch);
  if (explain_app->parsed()) return run_explain(explain);
  if (regress_app->parsed()) return run_regress(regress);
  if (train_app->parsed()) return run_train(train);
  return run_clean(clean);
}
