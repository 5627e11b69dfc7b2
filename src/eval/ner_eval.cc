#include "eval/ner_eval.h"
#include "core/time.h"

namespace depeche::eval {
namespace {

using extract::NerLabel;

// conlleval's endOfChunk and startOfChunk, for the B/I/O prefixes (the E/[/] cases of
// other chunk encodings never occur here).
bool EndOfChunk(char prev, char tag, int prev_type, int type) {
  if (prev == 'B' && (tag == 'B' || tag == 'O')) return true;
  if (prev == 'I' && (tag == 'B' || tag == 'O')) return true;
  return prev != 'O' && prev_type != type;
}

bool StartOfChunk(char prev, char tag, int prev_type, int type) {
  if (tag == 'B') return true;
  if (prev == 'O' && tag == 'I') return true;
  return tag != 'O' && prev_type != type;
}

}  // namespace

Result<uint8_t> ParseNerTypes(std::string_view list) {
  uint8_t mask = 0;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string_view::npos) comma = list.size();
    std::string_view name = list.substr(start, comma - start);
    auto type = extract::ParseEntityType(name);
    if (!type) {
      return InvalidArgumentError("unknown entity type '" + std::string(name) +
                                  "' (PER, ORG, LOC, MISC)");
    }
    mask = static_cast<uint8_t>(mask | (1u << static_cast<int>(*type)));
    start = comma + 1;
  }
  return mask;
}

void NerScorer::Label(NerLabel label, char& prefix, int& type) const {
  if (label == extract::kOutside || label >= extract::kNerLabels ||
      ((types_ >> static_cast<int>(extract::LabelType(label))) & 1) == 0) {
    prefix = 'O';
    type = -1;
    return;
  }
  prefix = extract::IsBegin(label) ? 'B' : 'I';
  type = static_cast<int>(extract::LabelType(label));
}

void NerScorer::Step(char gold, int gold_type, char guess, int guess_type) {
  if (in_correct_) {
    const bool gold_end = EndOfChunk(last_gold_, gold, last_gold_type_, gold_type);
    const bool guess_end = EndOfChunk(last_guess_, guess, last_guess_type_, guess_type);
    if (gold_end && guess_end && last_guess_type_ == last_gold_type_) {
      in_correct_ = false;
      per_type_[last_gold_type_].correct++;
    } else if (gold_end != guess_end || guess_type != gold_type) {
      in_correct_ = false;
    }
  }
  const bool gold_start = StartOfChunk(last_gold_, gold, last_gold_type_, gold_type);
  const bool guess_start = StartOfChunk(last_guess_, guess, last_guess_type_, guess_type);
  if (gold_start && guess_start && guess_type == gold_type) in_correct_ = true;
  if (gold_start) per_type_[gold_type].gold++;
  if (guess_start) per_type_[guess_type].guessed++;
  last_gold_ = gold;
  last_guess_ = guess;
  last_gold_type_ = gold_type;
  last_guess_type_ = guess_type;
}

void NerScorer::AddSentence(const std::vector<NerLabel>& gold,
                            const std::vector<NerLabel>& guessed) {
  for (size_t i = 0; i < gold.size(); ++i) {
    char gp, pp;
    int gt, pt;
    Label(gold[i], gp, gt);
    Label(i < guessed.size() ? guessed[i] : extract::kOutside, pp, pt);
    Step(gp, gt, pp, pt);
    ++words_;
    if (gp == pp && gt == pt) ++correct_labels_;
  }
  // The sentence boundary: conlleval reads it as a word tagged O on both sides, uncounted.
  // The type of a boundary is "" in conlleval, a type no chunk has: -1 here.
  Step('O', -1, 'O', -1);
}

NerCounts NerScorer::Overall() const {
  NerCounts total;
  for (const NerCounts& c : per_type_) total += c;
  return total;
}

NerEvalReport EvaluateNer(const extract::NerTagger& tagger,
                          const std::vector<NerGoldDocument>& documents, uint8_t types) {
  NerEvalReport report;
  report.types = types;
  NerScorer scorer(types);
  std::vector<std::vector<std::string_view>> words;
  for (const NerGoldDocument& doc : documents) {
    words.clear();
    for (const NerGoldSentence& s : doc.sentences)
      words.emplace_back(s.words.begin(), s.words.end());
    const double start = depeche::core::ProcessCpuSeconds();
    std::vector<std::vector<NerLabel>> guessed = tagger.TagWords(words);
    report.tag_seconds += depeche::core::ProcessCpuSeconds() - start;
    NerScorer doc_scorer(types);
    NerFileScore item;
    item.id = doc.id;
    for (size_t s = 0; s < doc.sentences.size(); ++s) {
      scorer.AddSentence(doc.sentences[s].labels, guessed[s]);
      doc_scorer.AddSentence(doc.sentences[s].labels, guessed[s]);
      item.words += doc.sentences[s].words.size();
    }
    item.sentences = doc.sentences.size();
    item.counts = doc_scorer.Overall();
    report.sentences += item.sentences;
    report.words += item.words;
    report.items.push_back(std::move(item));
  }
  report.documents = documents.size();
  report.overall = scorer.Overall();
  for (int t = 0; t < extract::kEntityTypes; ++t) {
    report.per_type[t] = scorer.PerType(static_cast<extract::EntityType>(t));
  }
  report.correct_labels = scorer.correct_labels();
  return report;
}

}  // namespace depeche::eval
