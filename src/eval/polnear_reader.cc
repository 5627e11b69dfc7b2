#include "eval/polnear_reader.h"

#include <map>

#include "core/files.h"
#include "core/strings.h"

namespace depeche::eval {
namespace fs = std::filesystem;
namespace {

// byte_of[k] = byte offset of code point k (and the text's size at k = number of code points).
std::vector<size_t> CodePointOffsets(const std::string& text) {
  std::vector<size_t> offsets;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) offsets.push_back(i);
  }
  offsets.push_back(text.size());
  return offsets;
}

bool ParseSize(std::string_view s, size_t* out) {
  if (s.empty()) return false;
  size_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<size_t>(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

Result<std::vector<PolnearAttribution>> ParsePolnearAnn(const std::string& ann,
                                                        const std::string& text,
                                                        const std::string& ann_name) {
  const std::vector<size_t> bytes = CodePointOffsets(text);
  std::map<std::string, Spans> spans;  // T id -> byte spans
  std::vector<std::pair<std::string, size_t>> relations;
  size_t line_number = 0;
  for (std::string_view line : core::Split(ann, '\n')) {
    ++line_number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    // A line not opening with an annotation id ("T12", "E3") continues the previous one's text
    // (annotated text with line breaks).
    if (line.size() < 2 || line[1] < '0' || line[1] > '9' ||
        line.find('\t') == std::string_view::npos) {
      continue;
    }
    const std::string where = ann_name + ":" + std::to_string(line_number);
    std::vector<std::string_view> cols = core::Split(line, '\t');
    if (line.front() == 'T') {
      if (cols.size() < 2) return InvalidArgumentError(where + ": T line without offsets");
      const size_t space = cols[1].find(' ');
      if (space == std::string_view::npos) return InvalidArgumentError(where + ": no offsets");
      Spans s;
      for (std::string_view piece : core::Split(cols[1].substr(space + 1), ';')) {
        const size_t sp = piece.find(' ');
        size_t b = 0;
        size_t e = 0;
        if (sp == std::string_view::npos || !ParseSize(piece.substr(0, sp), &b) ||
            !ParseSize(piece.substr(sp + 1), &e) || b > e) {
          return InvalidArgumentError(where + ": bad offsets '" + std::string(piece) + "'");
        }
        if (e >= bytes.size()) return InvalidArgumentError(where + ": offset past the text");
        s.emplace_back(bytes[b], bytes[e]);
      }
      spans[std::string(cols[0])] = std::move(s);
    } else if (line.front() == 'E') {
      relations.emplace_back(cols.size() > 1 ? std::string(cols[1]) : std::string(), line_number);
    }
  }
  std::vector<PolnearAttribution> out;
  for (const auto& [relation, number] : relations) {
    PolnearAttribution a;
    for (std::string_view arg : core::Split(relation, ' ')) {
      const size_t colon = arg.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string role(arg.substr(0, colon));
      const auto it = spans.find(std::string(arg.substr(colon + 1)));
      if (it == spans.end()) {
        return InvalidArgumentError(ann_name + ":" + std::to_string(number) +
                                    ": unknown annotation " + std::string(arg));
      }
      if (role == "Content") a.content = it->second;
      if (role == "Cue") a.cue = it->second;
      if (role == "Source") a.source = it->second;
    }
    if (!a.content.empty()) out.push_back(std::move(a));
  }
  return out;
}

Result<std::vector<PolnearDocument>> ReadPolnear(const fs::path& split_dir) {
  const fs::path text_dir = split_dir / "text";
  const fs::path ann_dir = split_dir / "attributions";
  std::error_code ec;
  if (!fs::is_directory(text_dir, ec) || !fs::is_directory(ann_dir, ec)) {
    return NotFoundError(split_dir.string() + ": no text/ and attributions/ folders (PolNeAR)");
  }
  std::map<std::string, std::pair<std::string, fs::path>> first_ann;  // text -> annotator, file
  for (const auto& entry : fs::directory_iterator(ann_dir, ec)) {
    const std::string file = entry.path().filename().string();
    if (!core::EndsWith(file, ".ann")) continue;
    const std::string stem = file.substr(0, file.size() - 4);
    const size_t underscore = stem.rfind('_');
    if (underscore == std::string::npos) continue;
    const std::string name = stem.substr(0, underscore);
    const std::string annotator = stem.substr(underscore + 1);
    auto it = first_ann.find(name);
    if (it == first_ann.end() || annotator < it->second.first) {
      first_ann[name] = {annotator, entry.path()};
    }
  }
  std::vector<PolnearDocument> docs;
  for (const auto& [name, ann] : first_ann) {
    PolnearDocument d;
    d.name = name;
    d.annotator = ann.first;
    DEPECHE_ASSIGN_OR_RETURN(d.text, core::ReadFile((text_dir / (name + ".txt")).string()));
    DEPECHE_ASSIGN_OR_RETURN(std::string ann_text, core::ReadFile((ann.second).string()));
    DEPECHE_ASSIGN_OR_RETURN(d.attributions,
                             ParsePolnearAnn(ann_text, d.text, ann.second.string()));
    docs.push_back(std::move(d));
  }
  return docs;
}

}  // namespace depeche::eval
