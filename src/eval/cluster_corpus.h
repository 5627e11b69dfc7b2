// Gold corpora for story clustering: ECB+ (topic folders of token XML), UCI News Aggregator
// headlines (CSV) and NewsWCL50 (CoNLL). Each reader returns documents in the corpus's own
// stream order (ECB+: topic, then file name; UCI: file order; NewsWCL50: file order).
#ifndef DEPECHE_EVAL_CLUSTER_CORPUS_H_
#define DEPECHE_EVAL_CLUSTER_CORPUS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "depeche/status.h"

namespace depeche::eval {

struct GoldDocument {
  std::string id;     // unique within the corpus ("1_10ecbplus", UCI ID, "0/-/0_L")
  std::string gold;   // gold cluster key ("1_ecbplus", UCI STORY, NewsWCL50 event)
  std::string topic;  // ECB+ topic number (for splits); the gold key elsewhere
  std::string lang = "en";
  std::string url;  // ECB+: the URL some documents open with (not part of title or text)
  std::string title;
  std::string text;                  // sentences separated by '\n'
  std::optional<int64_t> published;  // UTC seconds when the corpus has dates
};

// Reads every `<topic>/<name>.xml` under `dir` (any folder of topic folders: sub-folders are
// topics whatever their names; files ending in "ecbplus.xml" are the ecbplus sub-topic, other
// ".xml" files the ecb sub-topic). The text joins each sentence's tokens with spaces, sentences
// with '\n'; the title is the first sentence. XML entities are decoded. A first sentence that
// is a URL (the ecbplus documents open with theirs) becomes `url`. ECB+ is evaluated without
// dates (only the ecbplus half has URLs, and the stream order is a shuffle), so none is set.
// Errors: NotFound when `dir` is missing or holds no XML document; Unavailable when a file
// cannot be read; DataLoss when a file has no <token> element.
Result<std::vector<GoldDocument>> ReadEcbPlus(const std::string& dir);

// Reads `path` (or `path`/uci-news-aggregator.csv when `path` is a folder): CSV with header
// ID,TITLE,URL,PUBLISHER,CATEGORY,STORY,HOSTNAME,TIMESTAMP (ms). Rows with missing fields (the
// truncated last line) are skipped. Documents are sorted by TIMESTAMP (stable on ties).
// Errors: NotFound, Unavailable; DataLoss when the header is not the expected one.
Result<std::vector<GoldDocument>> ReadUciNews(const std::string& path);

// Reads `path` (or `path`/NewsWCL50-prep/output_data/NewsWCL50.conll, or
// `path`/NewsWCL50.conll when `path` is a folder): tab-separated doc_id, sent_id, token_id,
// token, coref. The gold story is the event: doc_id up to its first '/'. URLs come from
// NewsWCL50-original/urls.tsv in a parent folder when present; a URL with a day in its path
// dates the article. Documents are in publication order (an undated one stays after the
// document before it in the file).
// Errors: NotFound, Unavailable; DataLoss when no token line is found.
Result<std::vector<GoldDocument>> ReadNewsWcl50(const std::string& path);

// Parses one ECB+ XML text (exposed for tests). DataLoss when it holds no <token>.
Result<GoldDocument> ParseEcbPlusXml(std::string_view xml, std::string_view name);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_CLUSTER_CORPUS_H_
