// Reader of the DUC 2006 summarisation data (NIST, ../shared/data/duc2006-2007; internal
// evaluation only: nothing of it is copied into the repository). DUC 2007 uses the same layout
// (its folders are not in ../shared here, so untested).
//  - documents: duc2006_docs/<topic>/<docno>, TREC SGML <DOC><DOCNO>..</DOCNO>
//    <DATE_TIME>..</DATE_TIME> .. <HEADLINE>..</HEADLINE> .. <TEXT><P>..</P>..</TEXT></DOC>;
//    the topic folder is named like "D0601A" (topic D0601, assessor A);
//  - summaries: NISTeval/ROUGE/models/D0601.M.250.A.<assessor> (human references) and
//    NISTeval/ROUGE/peers/D0601.M.250.A.<id> (numbers: systems, letters: humans), one sentence
//    per line;
//  - topic statements (the query of the query-focused task): duc2006_topics.sgml.
// Pure functions, thread-safe.
#ifndef DEPECHE_EVAL_DUC_READER_H_
#define DEPECHE_EVAL_DUC_READER_H_

#include <filesystem>
#include <string>
#include <vector>

#include "depeche/status.h"

namespace depeche::eval {

struct DucDocument {
  std::string docno;
  std::string date_time;  // as written ("1999-07-07 08:30:27"; some sources write other forms)
  std::string headline;   // whitespace collapsed; empty when absent
  std::vector<std::string> paragraphs;  // the <P> of <TEXT> (the whole TEXT when it has none),
                                        // whitespace collapsed, &amp; &lt; &gt; decoded
};

struct DucTopic {
  std::string id;                      // the folder name, e.g. "D0601A"
  std::vector<DucDocument> documents;  // in file name order
  std::string title;                   // the topic's statement (DucQuery), empty when unknown
  std::string narrative;
};

// A topic's statement in duc2006_topics.sgml: <topic><num> D0601A </num><title> .. </title>
// <narr> .. </narr></topic>; whitespace collapsed, entities decoded.
struct DucQuery {
  std::string id;  // "D0601A", as the document folder is named
  std::string title;
  std::string narrative;
};

// Every <topic> of a topics file, in file order. Errors: InvalidArgument naming `name` and the
// line of a <topic> without <num> or without </topic>.
Result<std::vector<DucQuery>> ParseDucQueries(const std::string& sgml, const std::string& name);

// ParseDucQueries of the file `path`. Errors: NotFound when it cannot be read; those of
// ParseDucQueries.
Result<std::vector<DucQuery>> ReadDucQueries(const std::filesystem::path& path);

// Sets the title and narrative of each topic of `topics` from the query with its id; topics
// without one keep theirs. Returns how many were set.
size_t AttachDucQueries(const std::vector<DucQuery>& queries, std::vector<DucTopic>* topics);

// One TREC SGML document. Errors: InvalidArgument naming `name` when DOCNO or TEXT is missing.
Result<DucDocument> ParseDucDocument(const std::string& sgml, const std::string& name);

// Every topic folder under `docs_dir` (duc2006_docs), in name order. Errors: NotFound when
// `docs_dir` is not a folder; those of ParseDucDocument.
Result<std::vector<DucTopic>> ReadDucTopics(const std::filesystem::path& docs_dir);

struct DucSummary {
  std::string topic;               // "D0601"
  std::string author;              // the last field of the file name: "A", "24"
  std::string file;                // the file name
  std::vector<std::string> lines;  // the file's lines as written (ROUGE reads them so)
};

// The fields of a summary file name "D0601.M.250.A.24" (topic, author). False when the name does
// not have five dot-separated fields.
bool ParseDucSummaryName(const std::string& name, std::string* topic, std::string* author);

// Every summary file of `dir` (models/ or peers/) in name order; files whose names do not parse
// are skipped. Errors: NotFound when `dir` is not a folder.
Result<std::vector<DucSummary>> ReadDucSummaries(const std::filesystem::path& dir);

// The first sentences of the most recent documents of `topic` (by date_time, then docno) up to
// `words` words: every paragraph of the latest document, then of the one before, the last cut
// to the budget. The lead baseline of DUC (system 1 there is the first 250 words of the most
// recent document), to check the pipeline end to end.
std::vector<std::string> DucLeadSummary(const DucTopic& topic, int words);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_DUC_READER_H_
