#include "eval/ner_datasets.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <filesystem>
#include <fstream>
#include <string>

namespace depeche::eval {
namespace {

namespace fs = std::filesystem;
using extract::NerLabel;

std::vector<std::string_view> SplitFields(std::string_view line, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    const size_t at = line.find(sep, start);
    std::string_view field = line.substr(start, at == std::string_view::npos ? at : at - start);
    if (!field.empty() || sep == '\t') out.push_back(field);
    if (at == std::string_view::npos) break;
    start = at + 1;
  }
  return out;
}

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Maps a tag of `format` to our label name ("B-PER", "O"), or "" when unknown.
std::string NormalizeTag(std::string_view tag, NerFormat format) {
  if (tag == "O" || tag == "_") return "O";
  if (tag.size() < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I')) return "";
  std::string type(tag.substr(2));
  if (format == NerFormat::kHipe) {
    std::string lower = type;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (lower == "pers" || lower == "per") {
      type = "PER";
    } else if (lower == "org") {
      type = "ORG";
    } else if (lower == "loc") {
      type = "LOC";
    } else if (lower == "prod" || lower == "humanprod") {
      type = "MISC";
    } else if (lower == "time") {
      return "O";
    } else {
      return "";
    }
  }
  return std::string(1, tag[0]) + "-" + type;
}

class Builder {
 public:
  explicit Builder(std::string file) : file_(std::move(file)) {}

  void Add(std::string_view word, NerLabel label) {
    // IOB1 -> IOB2: an I-X that continues no X chunk starts one.
    if (extract::IsInside(label) &&
        !extract::AllowedTransition(sentence_.labels.empty() ? -1 : sentence_.labels.back(),
                                    label)) {
      label = extract::BeginLabel(extract::LabelType(label));
    }
    sentence_.words.emplace_back(word);
    sentence_.labels.push_back(label);
  }
  size_t SentenceSize() const { return sentence_.words.size(); }
  void EndSentence() {
    if (sentence_.words.empty()) return;
    doc_.sentences.push_back(std::move(sentence_));
    sentence_ = {};
  }
  void EndDocument(std::string id = "") {
    EndSentence();
    if (doc_.sentences.empty()) return;
    doc_.id = id.empty() ? file_ + "#" + std::to_string(docs_.size() + 1) : std::move(id);
    docs_.push_back(std::move(doc_));
    doc_ = {};
  }
  std::vector<NerGoldDocument> Take() {
    EndDocument(pending_id_);
    return std::move(docs_);
  }
  std::string pending_id_;

 private:
  std::string file_;
  NerGoldSentence sentence_;
  NerGoldDocument doc_;
  std::vector<NerGoldDocument> docs_;
};

Status ReadFile(const fs::path& path, NerFormat format, std::vector<NerGoldDocument>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return UnavailableError(path.string() + ": cannot open");
  const std::string name = path.filename().string();
  Builder b(name);
  std::string line;
  size_t line_no = 0;
  bool has_docstart = false;
  auto bad = [&](const std::string& why) {
    return InvalidArgumentError(path.string() + ":" + std::to_string(line_no) + ": " + why);
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (format == NerFormat::kHipe) {
      if (line.empty()) continue;
      if (line[0] == '#') {
        constexpr std::string_view kDoc = "# hipe2022:document_id = ";
        if (line.compare(0, kDoc.size(), kDoc) == 0) {
          b.EndDocument(b.pending_id_);
          b.pending_id_ = line.substr(kDoc.size());
        }
        continue;
      }
      std::vector<std::string_view> f = SplitFields(line, '\t');
      if (f.size() < 2) return bad("expected TOKEN<TAB>NE-COARSE-LIT...");
      if (f[0] == "TOKEN") continue;
      const std::string tag = NormalizeTag(f[1], format);
      auto label = extract::ParseNerLabel(tag);
      if (!label) return bad("unknown tag '" + std::string(f[1]) + "'");
      b.Add(f[0], *label);
      if (f.size() >= 10 && f[9].find("EndOfSentence") != std::string_view::npos) b.EndSentence();
      continue;
    }
    if (line.empty() || line.find_first_not_of(" \t") == std::string::npos) {
      b.EndSentence();
      if (!has_docstart) b.EndDocument();
      continue;
    }
    const bool tab = line.find('\t') != std::string::npos;
    std::vector<std::string_view> f = SplitFields(line, tab ? '\t' : ' ');
    if (f.size() < 2) return bad("expected a word and a tag");
    const std::string_view word = (tab && f.size() >= 3 && AllDigits(f[0])) ? f[1] : f[0];
    if (word == "-DOCSTART-") {
      has_docstart = true;
      b.EndDocument();
      continue;
    }
    const std::string tag = NormalizeTag(f.back(), format);
    auto label = extract::ParseNerLabel(tag);
    if (!label) return bad("unknown tag '" + std::string(f.back()) + "'");
    b.Add(word, *label);
    if (format == NerFormat::kEuropeana && b.SentenceSize() >= 40 &&
        (word == "." || word == "!" || word == "?")) {
      b.EndDocument();
    }
  }
  if (in.bad()) return UnavailableError(path.string() + ": read failed");
  for (NerGoldDocument& d : b.Take()) out.push_back(std::move(d));
  return Status::Ok();
}

bool IsDataFile(const fs::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".conllu" || ext == ".conll" || ext == ".bio" || ext == ".tsv" || ext == ".txt";
}

}  // namespace

Result<NerFormat> ParseNerFormat(std::string_view name) {
  if (name == "conll") return NerFormat::kConll;
  if (name == "europeana") return NerFormat::kEuropeana;
  if (name == "hipe") return NerFormat::kHipe;
  return InvalidArgumentError("unknown NER data format '" + std::string(name) +
                              "' (conll, europeana or hipe)");
}

Result<std::vector<NerGoldDocument>> ReadNerData(const std::string& path, NerFormat format) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return NotFoundError(path + ": no such file or folder");
  std::vector<fs::path> files;
  if (fs::is_directory(path, ec)) {
    for (auto it = fs::recursive_directory_iterator(path, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->is_regular_file(ec) && IsDataFile(it->path())) files.push_back(it->path());
    }
    if (ec) return UnavailableError(path + ": " + ec.message());
    std::sort(files.begin(), files.end());
  } else {
    files.push_back(path);
  }
  std::vector<NerGoldDocument> docs;
  for (const fs::path& f : files) DEPECHE_RETURN_IF_ERROR(ReadFile(f, format, docs));
  return docs;
}

Result<std::pair<double, double>> ParseNerSlice(std::string_view slice) {
  const size_t colon = slice.find(':');
  auto bad = [&] {
    return InvalidArgumentError("slice '" + std::string(slice) +
                                "' is not A:B with 0 <= A < B <= 1 (e.g. 0:0.8)");
  };
  if (colon == std::string_view::npos) return bad();
  double a = 0, b = 0;
  try {
    size_t used_a = 0, used_b = 0;
    const std::string sa(slice.substr(0, colon)), sb(slice.substr(colon + 1));
    a = std::stod(sa, &used_a);
    b = std::stod(sb, &used_b);
    if (used_a != sa.size() || used_b != sb.size()) return bad();
  } catch (const std::exception&) {
    return bad();
  }
  if (!(a >= 0 && a < b && b <= 1)) return bad();
  return std::make_pair(a, b);
}

std::vector<NerGoldDocument> SliceSentences(std::vector<NerGoldDocument> documents, double from,
                                            double to) {
  size_t total = 0;
  for (const NerGoldDocument& d : documents) total += d.sentences.size();
  const auto first = static_cast<size_t>(std::floor(from * static_cast<double>(total)));
  const auto last = static_cast<size_t>(std::floor(to * static_cast<double>(total)));
  std::vector<NerGoldDocument> out;
  size_t index = 0;
  for (NerGoldDocument& d : documents) {
    NerGoldDocument kept;
    kept.id = d.id;
    for (NerGoldSentence& s : d.sentences) {
      if (index >= first && index < last) kept.sentences.push_back(std::move(s));
      ++index;
    }
    if (!kept.sentences.empty()) out.push_back(std::move(kept));
  }
  return out;
}

}  // namespace depeche::eval
