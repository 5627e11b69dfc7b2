#include "extract/entity_extractor.h"

#include <filesystem>
#include <system_error>
#include <utility>

#include "extract/article_resolver.h"
#include "extract/gazetteer_matcher.h"
#include "extract/ner_gazetteer.h"

namespace depeche::extract {

Result<std::unique_ptr<EntityExtractor>> EntityExtractor::Create(
    const EntityExtractorOptions& options) {
  std::unique_ptr<EntityExtractor> extractor(new EntityExtractor());
  DEPECHE_ASSIGN_OR_RETURN(extractor->gazetteer_, Gazetteer::Load(options.data_dir));
  if (options.model_dir.empty()) return extractor;
  std::error_code ec;
  std::vector<std::filesystem::path> models;
  for (const auto& entry : std::filesystem::directory_iterator(options.model_dir, ec)) {
    const std::string name = entry.path().filename().string();
    // ner-<lang>.model, <lang> a 2-3 letter code.
    if (name.size() >= 12 && name.size() <= 13 && name.rfind("ner-", 0) == 0 &&
        entry.path().extension() == ".model") {
      models.push_back(entry.path());
    }
  }
  for (const auto& path : models) {
    const std::string name = path.filename().string();
    const std::string lang = name.substr(4, name.size() - 4 - 6);
    Result<NerModel> model = NerModel::Load(path.string());
    if (!model.ok()) {
      if (model.status().code() == StatusCode::kNotFound) continue;
      return model.status();
    }
    // A model trained with the gazetteer features gets them at tagging too.
    NerTaggerOptions tagger_options;
    if (model->Get("gazetteer") == GazetteerNerHook::kName) {
      auto& hook = extractor->hooks_[lang];
      hook = std::make_unique<GazetteerNerHook>(extractor->gazetteer_, lang);
      tagger_options.gazetteer = hook.get();
    }
    if (Status s = NerTagger::CheckGazetteer(*model, tagger_options.gazetteer); !s.ok()) {
      return Status(s.code(), path.string() + ": " + std::string(s.message()));
    }
    extractor->taggers_.emplace(lang, NerTagger(std::move(*model), tagger_options));
  }
  return extractor;
}

ArticleEntities EntityExtractor::Extract(const Article& article) const {
  std::vector<Mention> from_gazetteer = MatchGazetteer(*gazetteer_, article);
  std::vector<Mention> mentions;
  if (auto it = taggers_.find(article.lang); it != taggers_.end()) {
    mentions = CombineMentions(it->second.Tag(article), std::move(from_gazetteer));
  } else {
    mentions = std::move(from_gazetteer);
  }
  // MISC (nationalities, events, works) is scored by `eval ner` but not an entity the engine
  // keeps: people, organisations and places.
  std::erase_if(mentions, [](const Mention& m) { return m.type == EntityType::kMisc; });
  return ResolveArticle(*gazetteer_, article, std::move(mentions));
}

std::vector<std::string> EntityExtractor::tagger_languages() const {
  std::vector<std::string> out;
  for (const auto& [lang, tagger] : taggers_) out.push_back(lang);
  return out;
}

}  // namespace depeche::extract
