#include "extract/ner_tagger.h"

#include "extract/ner_decode.h"
#include "extract/ner_tokens.h"
#include "text/calendar_words.h"
#include "text/normalize.h"

namespace depeche::extract {

std::vector<NerChunk> NerChunks(const std::vector<NerLabel>& labels) {
  std::vector<NerChunk> chunks;
  for (size_t i = 0; i < labels.size();) {
    if (labels[i] == kOutside) {
      ++i;
      continue;
    }
    // A stray I- (not produced by the decoder) opens a chunk, as conlleval reads it.
    const EntityType type = LabelType(labels[i]);
    size_t j = i + 1;
    while (j < labels.size() && labels[j] == InsideLabel(type)) ++j;
    chunks.push_back({i, j, type});
    i = j;
  }
  return chunks;
}

NerTagger::NerTagger(NerModel model, NerTaggerOptions options)
    : model_(std::move(model)), options_(options) {
  if (options_.drop_calendar_words) calendar_words_ = text::CalendarWords(model_.lang());
  // Features the model never learnt would only cost time.
  if (options_.gazetteer != nullptr && model_.Get("gazetteer") != options_.gazetteer->Name()) {
    options_.gazetteer = nullptr;
  }
}

Status NerTagger::CheckGazetteer(const NerModel& model, const NerGazetteerHook* hook) {
  const std::string trained = model.Get("gazetteer");
  if (trained.empty()) return Status::Ok();
  if (hook == nullptr) {
    return FailedPreconditionError("the NER model was trained with gazetteer features (" + trained +
                                   ") but is given no gazetteer");
  }
  if (hook->Name() != trained) {
    return FailedPreconditionError("the NER model was trained with gazetteer features " + trained +
                                   ", not " + std::string(hook->Name()) +
                                   ": retrain it (depeche train ner)");
  }
  return Status::Ok();
}

Result<NerTagger> NerTagger::Load(const std::string& path, NerTaggerOptions options) {
  DEPECHE_ASSIGN_OR_RETURN(NerModel model, NerModel::Load(path));
  if (Status s = CheckGazetteer(model, options.gazetteer); !s.ok()) {
    return Status(s.code(), path + ": " + std::string(s.message()));
  }
  return NerTagger(std::move(model), options);
}

void NerTagger::FilterCalendarWords(const std::vector<std::string_view>& words,
                                    std::vector<NerLabel>& labels) const {
  if (calendar_words_.empty()) return;
  for (const NerChunk& chunk : NerChunks(labels)) {
    if (chunk.end != chunk.begin + 1) continue;
    std::string folded = text::Fold(words[chunk.begin]);
    if (!folded.empty() && folded.back() == '.') folded.pop_back();
    if (calendar_words_.count(folded) != 0) labels[chunk.begin] = kOutside;
  }
}

std::vector<std::vector<NerLabel>> NerTagger::TagWords(
    const std::vector<std::vector<std::string_view>>& sentences) const {
  std::vector<NerSentenceFeatures> features = ExtractNerFeatures(sentences, options_.gazetteer);
  std::vector<std::vector<NerLabel>> labels(sentences.size());
  std::vector<float> emissions;
  for (size_t stage = 0; stage < model_.stages(); ++stage) {
    if (stage > 0) AddPredictionFeatures(sentences, labels, features);
    for (size_t s = 0; s < sentences.size(); ++s) {
      const size_t n = features[s].size();
      emissions.assign(n * kNerLabels, 0.0f);
      for (size_t i = 0; i < n; ++i) {
        model_.AddScores(stage, features[s].Word(i), &emissions[i * kNerLabels]);
      }
      ViterbiDecode(emissions, model_.transitions(stage), labels[s]);
    }
  }
  for (size_t s = 0; s < sentences.size(); ++s) FilterCalendarWords(sentences[s], labels[s]);
  return labels;
}

std::vector<Mention> NerTagger::Tag(std::string_view title, std::string_view text,
                                    std::string_view lang) const {
  if (lang.empty() || lang == "und") lang = model_.lang();
  std::vector<std::vector<Span>> title_spans = NerTokenize(title, lang);
  std::vector<std::vector<Span>> text_spans = NerTokenize(text, lang);
  std::vector<std::vector<std::string_view>> words;
  words.reserve(title_spans.size() + text_spans.size());
  auto add = [&words](std::string_view source, const std::vector<std::vector<Span>>& spans) {
    for (const auto& sentence : spans) {
      std::vector<std::string_view>& w = words.emplace_back();
      w.reserve(sentence.size());
      for (const Span& span : sentence)
        w.push_back(source.substr(span.begin, span.end - span.begin));
    }
  };
  add(title, title_spans);
  add(text, text_spans);
  std::vector<std::vector<NerLabel>> labels = TagWords(words);
  std::vector<Mention> mentions;
  for (size_t s = 0; s < labels.size(); ++s) {
    const bool in_title = s < title_spans.size();
    const std::vector<Span>& spans = in_title ? title_spans[s] : text_spans[s - title_spans.size()];
    std::string_view source = in_title ? title : text;
    for (const NerChunk& chunk : NerChunks(labels[s])) {
      Mention m;
      m.span = {spans[chunk.begin].begin, spans[chunk.end - 1].end};
      m.in_title = in_title;
      m.type = chunk.type;
      m.surface = std::string(source.substr(m.span.begin, m.span.end - m.span.begin));
      mentions.push_back(std::move(m));
    }
  }
  return mentions;
}

}  // namespace depeche::extract
