// Reader for the Reuters-21578 corpus (Distribution 1.0): gzip-compressed SGML files
// `reut2-NNN.sgm.gz`, 21,578 `<REUTERS>` records from 1987 newswire. Used as the throughput
// corpus (bench/) and for near-duplicate and topic experiments.
#ifndef DEPECHE_EVAL_REUTERS_READER_H_
#define DEPECHE_EVAL_REUTERS_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"
#include "ingest/reuters_sgml.h"

namespace depeche::eval {

// One <REUTERS> record: the ingest reader's (see ingest/reuters_sgml.h), so that an evaluation
// reads each article exactly as `depeche ingest` does.
using ReutersArticle = ingest::ReutersRecord;

// Reads every `reut2-*.sgm.gz` (or uncompressed `reut2-*.sgm`) file directly in `dir`, in
// file-name order, and returns the records in file order.
// Errors: NotFound when `dir` is missing or holds no reut2-*.sgm[.gz] file; DataLoss naming
// the file when it is not valid gzip (corrupt or truncated stream, plain bytes under a .gz
// name) or its SGML is broken (a record without </REUTERS> or NEWID, no record at all);
// Unavailable when a file cannot be opened.
// Thread-safe (no shared state); the caller owns the returned vector.
Result<std::vector<ReutersArticle>> ReadReutersCorpus(const std::string& dir);

// Reads one file the way ReadReutersCorpus does. Errors as above.
Result<std::vector<ReutersArticle>> ReadReutersFile(const std::string& path);

// Parses the SGML text of one file (raw Latin-1 bytes) with ingest::ParseReutersSgml, strictly:
// any broken record fails the file. `name` only appears in error messages. Errors: DataLoss
// as above.
Result<std::vector<ReutersArticle>> ParseReutersSgml(std::string_view sgml, std::string_view name);

using ingest::ReutersDateToIso;

// One depeche JSONL line (no trailing newline) holding ingest::ToRawArticle(article):
// {"id":NEWID,"url":"reuters21578://NEWID","source":"Reuters","title":...,
//  "published":date_iso,"lang":"en","text":...,"dateline":...,"places":[...],"topics":[...]}
// `text` is the dateline followed by the body ("SALVADOR, Feb 26 - Showers continued ..."),
// as the story went out on the wire, or the title for headline-only flashes; "published" is
// omitted when date_iso is empty and "title" when the record has none. The other fields land in
// the article's metadata, as when `depeche ingest` reads the .sgm file itself.
std::string ToJsonl(const ReutersArticle& article);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_REUTERS_READER_H_
