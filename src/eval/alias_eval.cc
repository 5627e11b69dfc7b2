#include "eval/alias_eval.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/strings.h"
#include "extract/article_resolver.h"
#include "extract/entity_resolver.h"
#include "extract/gazetteer_matcher.h"
#include "ingest/txt_reader.h"

namespace depeche::eval {
namespace {

Result<std::string> ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return NotFoundError(path + ": cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::optional<extract::EntityType> HipeType(std::string_view tag) {
  if (tag == "pers") return extract::EntityType::kPerson;
  if (tag == "loc") return extract::EntityType::kPlace;
  if (tag == "org") return extract::EntityType::kOrganization;
  if (tag == "prod" || tag == "time") return extract::EntityType::kMisc;
  return std::nullopt;
}

// Links every article entity and returns, per mention of `entities`, its canonical id.
std::vector<uint64_t> LinkMentions(extract::EntityResolver& resolver,
                                   const extract::ArticleEntities& entities,
                                   std::string_view story) {
  extract::EntityChanges changes = resolver.Resolve(entities, story);
  std::vector<uint64_t> ids(entities.mentions.size(), 0);
  for (size_t e = 0; e < entities.entities.size(); ++e) {
    for (uint32_t m : entities.entities[e].mentions) ids[m] = changes.links[e];
  }
  return ids;
}

}  // namespace

Result<std::vector<HipeDocument>> ReadHipeFile(const std::string& path) {
  DEPECHE_ASSIGN_OR_RETURN(std::string content, ReadAll(path));
  std::vector<HipeDocument> docs;
  std::string lang = "fr";
  bool space_before = false;
  int open = -1;  // index of the mention being extended
  size_t line_no = 0, pos = 0;
  auto close = [&] { open = -1; };
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string::npos) end = content.size();
    std::string_view line(content.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    if (line[0] == '#') {
      constexpr std::string_view kDoc = "# hipe2022:document_id = ";
      constexpr std::string_view kLang = "# hipe2022:language = ";
      if (core::StartsWith(line, kDoc)) {
        close();
        docs.emplace_back();
        docs.back().id = std::string(line.substr(kDoc.size()));
        docs.back().article.id = docs.back().id;
        docs.back().article.lang = lang;
        space_before = false;
      } else if (core::StartsWith(line, kLang)) {
        lang = std::string(line.substr(kLang.size()));
        if (!docs.empty() && docs.back().article.text.empty()) docs.back().article.lang = lang;
      }
      continue;
    }
    std::vector<std::string_view> f = core::Split(line, '\t');
    if (f.size() < 10) {
      return DataLossError(path + ":" + std::to_string(line_no) + ": expected 10 columns");
    }
    if (f[0] == "TOKEN") continue;
    if (docs.empty()) {
      return DataLossError(path + ":" + std::to_string(line_no) + ": token before a document id");
    }
    HipeDocument& doc = docs.back();
    std::string& text = doc.article.text;
    if (space_before) text += ' ';
    uint32_t begin = static_cast<uint32_t>(text.size());
    text += f[0];
    uint32_t stop = static_cast<uint32_t>(text.size());
    space_before = f[9].find("NoSpaceAfter") == std::string_view::npos;
    std::string_view tag = f[1];
    if (core::StartsWith(tag, "B-")) {
      close();
      auto type = HipeType(tag.substr(2));
      if (!type) continue;
      extract::Mention m;
      m.span = {begin, stop};
      m.type = *type;
      doc.mentions.push_back(std::move(m));
      std::string qid(f[7]);
      doc.qids.push_back(qid.empty() || qid == "_" ? "NIL" : qid);
      open = static_cast<int>(doc.mentions.size()) - 1;
    } else if (core::StartsWith(tag, "I-") && open >= 0) {
      doc.mentions[open].span.end = stop;
    } else {
      close();
    }
  }
  for (HipeDocument& doc : docs) {
    for (extract::Mention& m : doc.mentions) {
      m.surface = doc.article.text.substr(m.span.begin, m.span.end - m.span.begin);
    }
  }
  return docs;
}

Result<AliasEvalReport> EvaluateHipeAliases(const extract::Gazetteer& gazetteer,
                                            const std::string& path, NilPolicy nil) {
  std::vector<std::string> files;
  if (std::filesystem::is_directory(path)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(path)) {
      if (entry.is_regular_file() && entry.path().extension() == ".tsv") {
        files.push_back(entry.path().string());
      }
    }
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  AliasEvalReport report;
  report.format = "hipe";
  extract::EntityResolver resolver(nullptr);
  std::vector<std::string> gold, predicted, surfaces;
  for (const std::string& file : files) {
    DEPECHE_ASSIGN_OR_RETURN(std::vector<HipeDocument> docs, ReadHipeFile(file));
    for (const HipeDocument& doc : docs) {
      ++report.documents;
      // Keep each gold mention's QID through resolution: ResolveArticle sorts and may shrink
      // spans (honorifics, appositions), never beyond the gold span: map back by containment.
      extract::ArticleEntities entities =
          extract::ResolveArticle(gazetteer, doc.article, doc.mentions);
      std::vector<uint64_t> ids = LinkMentions(resolver, entities, doc.id);
      for (size_t i = 0; i < doc.mentions.size(); ++i) {
        const std::string& qid = doc.qids[i];
        const Span& gs = doc.mentions[i].span;
        uint64_t id = 0;
        for (size_t r = 0; r < entities.mentions.size(); ++r) {
          const Span& rs = entities.mentions[r].span;
          if (rs.begin >= gs.begin && rs.end <= gs.end) {
            id = ids[r];
            break;
          }
        }
        std::string pred = id == 0 ? "dropped:" + doc.id + ":" + std::to_string(i)
                                   : std::to_string(resolver.Current(id));
        if (qid == "NIL") {
          ++report.nil_mentions;
          if (nil == NilPolicy::kExclude) continue;
          gold.push_back("NIL:" + doc.id + ":" + std::to_string(i));
        } else {
          gold.push_back(qid);
        }
        predicted.push_back(pred);
        surfaces.push_back(doc.mentions[i].surface);
      }
    }
  }
  // Ids may have been merged after a mention was linked: score the final partition.
  for (std::string& p : predicted) {
    if (p.rfind("dropped:", 0) == 0) continue;
    p = std::to_string(resolver.Current(std::stoull(p)));
  }
  report.scores = ScoreCoreference(gold, predicted);
  // Items: the gold entities split over several predicted ones, largest first (what to look at).
  std::map<std::string, std::map<std::string, std::set<std::string>>> by_gold;
  for (size_t i = 0; i < gold.size(); ++i) by_gold[gold[i]][predicted[i]].insert(surfaces[i]);
  for (const auto& [entity, parts] : by_gold) {
    if (parts.size() < 2) continue;
    AliasGroupResult g;
    g.entity = entity;
    g.predicted_entities = parts.size();
    for (const auto& [id, forms] : parts) {
      for (const std::string& f : forms) g.surfaces.push_back(f + " -> " + id);
    }
    report.items.push_back(std::move(g));
  }
  std::stable_sort(report.items.begin(), report.items.end(),
                   [](const AliasGroupResult& a, const AliasGroupResult& b) {
                     return a.predicted_entities > b.predicted_entities;
                   });
  return report;
}

Result<AliasEvalReport> EvaluateSeedAliases(const extract::EntityExtractor& extractor,
                                            const engine::Analyzer& analyzer,
                                            const std::string& gold_tsv,
                                            const std::string& seeds_dir) {
  // The seeds report one event: the story stage puts them in one story, and so does this.
  const std::string story = "seeds";
  DEPECHE_ASSIGN_OR_RETURN(std::string gold_content, ReadAll(gold_tsv));
  std::map<std::string, std::string> gold_entity;  // "file|surface" -> entity
  std::set<std::string> files;
  size_t line_no = 0;
  for (std::string_view line : core::Split(gold_content, '\n')) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = core::Split(line, '\t');
    if (f.size() < 3) {
      return DataLossError(gold_tsv + ":" + std::to_string(line_no) +
                           ": expected file, surface, entity");
    }
    files.insert(std::string(f[0]));
    gold_entity[std::string(f[0]) + "|" + std::string(f[1])] = std::string(f[2]);
  }
  AliasEvalReport report;
  report.format = "seeds";
  extract::EntityResolver resolver(extractor.gazetteer());
  // "file|surface" -> entity id (first mention); an unlinked role gets a label of its own
  std::map<std::string, std::string> predicted;
  ingest::TextReaderOptions reader_options;
  reader_options.sentence_starters = &analyzer.sentence_starters();
  for (const std::string& file : files) {
    DEPECHE_ASSIGN_OR_RETURN(std::string content, ReadAll(seeds_dir + "/" + file));
    ingest::RawArticle raw = ingest::ParseTextArticle(content, reader_options);
    auto article = analyzer.Analyze(std::move(raw));
    if (!article.ok()) return article.status().WithContext(file);
    extract::ArticleEntities entities = extractor.Extract(*article);
    std::vector<uint64_t> ids = LinkMentions(resolver, entities, story);
    for (size_t i = 0; i < entities.mentions.size(); ++i) {
      std::string key = file + "|" + entities.mentions[i].surface;
      predicted.try_emplace(key, ids[i] == 0 ? "unlinked:" + key : std::to_string(ids[i]));
    }
  }
  report.gold_forms = gold_entity.size();
  report.predicted_forms = predicted.size();
  std::vector<std::string> gold_labels, predicted_labels;
  std::map<std::string, AliasGroupResult> groups;
  std::map<std::string, std::set<std::string>> entities_of_id;
  for (const auto& [form, entity] : gold_entity) {
    AliasGroupResult& g = groups[entity];
    g.entity = entity;
    auto it = predicted.find(form);
    if (it == predicted.end()) {
      ++g.missed;
      continue;
    }
    ++report.matched_forms;
    std::string id = it->second;
    if (id.rfind("unlinked:", 0) != 0) id = std::to_string(resolver.Current(std::stoull(id)));
    g.surfaces.push_back(form + " -> " + id);
    gold_labels.push_back(entity);
    predicted_labels.push_back(id);
    entities_of_id[id].insert(entity);
  }
  for (const auto& [form, id] : predicted) {
    (void)id;
    if (!gold_entity.count(form)) report.false_positives.push_back(form);
  }
  for (auto& [entity, g] : groups) {
    std::set<std::string> ids;
    for (const std::string& s : g.surfaces) ids.insert(s.substr(s.rfind(" -> ") + 4));
    g.predicted_entities = ids.size();
    g.merged = ids.size() == 1;
    ++report.groups;
    if (!ids.empty()) ++report.groups_detected;
    if (g.merged) ++report.groups_merged;
    report.items.push_back(g);
  }
  for (const auto& [id, entities] : entities_of_id) {
    (void)id;
    std::vector<std::string> list(entities.begin(), entities.end());
    for (size_t a = 0; a < list.size(); ++a) {
      for (size_t b = a + 1; b < list.size(); ++b) {
        ++report.wrong_merges;
        report.wrong_merge_pairs.push_back(list[a] + " | " + list[b]);
      }
    }
  }
  double p = report.predicted_forms ? double(report.matched_forms) / report.predicted_forms : 0;
  double r = report.gold_forms ? double(report.matched_forms) / report.gold_forms : 0;
  report.detection = {p, r, p + r > 0 ? 2 * p * r / (p + r) : 0};
  report.scores = ScoreCoreference(gold_labels, predicted_labels);
  return report;
}

}  // namespace depeche::eval
