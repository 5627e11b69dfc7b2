// TimeML reader: the TIMEX3 gold of TimeBank-style corpora (TempEval-3 TBAQ-cleaned,
// French TimeBank / ISO-TimeML, and predictions written in the same layout) read into plain
// structs for the scorer (timex_scorer.h).
//
// What is read: <DOCID> (the document id; the file stem when absent), the first TIMEX3 inside
// <DCT> (the document creation time), and the character data of <TEXT> with every tag removed
// and the XML entities decoded (&amp; &lt; &gt; &quot; &apos; and numeric references). The
// text is kept exactly as the element holds it, leading and trailing newlines included, except
// that line ends are read as XML says (CR LF and a lone CR become LF).
// Each TIMEX3 inside <TEXT> becomes a Timex whose [begin, end) are UTF-8 BYTE offsets into
// that text; tags around or inside a TIMEX3 (EVENT, SIGNAL, a nested TIMEX3) are dropped from
// the text and do not move the offsets. An empty TIMEX3 (<TIMEX3 .../> or <TIMEX3></TIMEX3>)
// has begin == end. Comments, processing instructions, DOCTYPE and CDATA are handled;
// everything outside DOCID, DCT and TEXT (TLINKs, MAKEINSTANCEs) is ignored.
//
// Errors: InvalidArgument naming the file and line for malformed markup (a tag not closed,
// an end tag that does not match, an unknown entity, no <TEXT>); NotFound / Unavailable for
// paths that are missing or unreadable. Functions are pure and thread-safe.
#ifndef DEPECHE_EVAL_TIMEML_READER_H_
#define DEPECHE_EVAL_TIMEML_READER_H_

#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "depeche/status.h"

namespace depeche::eval {

struct Timex {
  std::string tid;
  std::string type;   // DATE, TIME, DURATION, SET (as written; "" when absent)
  std::string value;  // the TIMEX3 value ("" when absent)
  size_t begin = 0;   // UTF-8 byte offsets into TimemlDocument::text
  size_t end = 0;
  std::string text;  // text.substr(begin, end - begin)
  // Every attribute as written, in document order (tid, type and value included), values
  // decoded: mod, anchorTimeID, functionInDocument, temporalFunction, quant, freq, ...
  std::vector<std::pair<std::string, std::string>> attributes;

  // The attribute's value, "" when absent.
  std::string Attribute(std::string_view name) const;
};

struct TimemlDocument {
  std::string id;         // <DOCID>, or the file stem
  std::string name;       // the file's path relative to the folder read (or its name)
  std::string dct_value;  // value of the DCT's TIMEX3, "" when the file has none
  std::string dct_tid;
  std::string text;            // <TEXT> without markup
  std::vector<Timex> timexes;  // in document order of their start tags
};

// Parses one TimeML document. `name` prefixes error messages ("name:line: why") and fills
// TimemlDocument::name.
Result<TimemlDocument> ParseTimeml(std::string_view xml, std::string_view name);

// Reads one .tml file (name: the file name).
Result<TimemlDocument> ReadTimemlFile(const std::filesystem::path& path);

// Reads a file, or every *.tml file under a folder (recursively, sorted by relative path;
// name: the path relative to the folder, '/'-separated). Stops at the first malformed file.
Result<std::vector<TimemlDocument>> ReadTimeml(const std::filesystem::path& path);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_TIMEML_READER_H_
