// The quotations and figures of an article (article_quotes, article_figures): written with the
// article's row by ArticleStore::Insert, read back with it by ArticleStore::Get.
#include <string>
#include <string_view>

#include "store/article_store_impl.h"
#include "store/row_codec.h"

namespace depeche::store {
namespace {

constexpr std::string_view kInsertQuoteSql =
    "INSERT INTO article_quotes(article_id, ord, kind, content, cue_begin, cue_end, "
    "speaker_kind, speaker_begin, speaker_end, name_begin, name_end, antecedent, partial) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";
constexpr std::string_view kInsertFigureSql =
    "INSERT INTO article_figures(article_id, ord, begin, \"end\", number_begin, number_end, value, "
    "high, unit, unit_begin, unit_end, counted, bound, sentence_begin, sentence_end) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";
constexpr std::string_view kQuotesOfSql =
    "SELECT kind, content, cue_begin, cue_end, speaker_kind, speaker_begin, speaker_end, "
    "name_begin, name_end, antecedent, partial FROM article_quotes WHERE article_id = ?1 "
    "ORDER BY ord";
constexpr std::string_view kFiguresOfSql =
    "SELECT begin, \"end\", number_begin, number_end, value, high, unit, unit_begin, unit_end, "
    "counted, bound, sentence_begin, sentence_end FROM article_figures WHERE article_id = ?1 "
    "ORDER BY ord";

bool Inside(Span s, const std::string& text) { return s.begin <= s.end && s.end <= text.size(); }

bool AllInside(const std::vector<Span>& spans, const std::string& text) {
  for (Span s : spans) {
    if (!Inside(s, text)) return false;
  }
  return true;
}

Span ColumnSpan(Statement& stmt, int begin_column) {
  return {static_cast<uint32_t>(stmt.ColumnInt64(begin_column)),
          static_cast<uint32_t>(stmt.ColumnInt64(begin_column + 1))};
}

}  // namespace

Status ArticleStore::Impl::PrepareFacts() {
  Database* h = db;
  DEPECHE_ASSIGN_OR_RETURN(insert_quote, Statement::Prepare(h, kInsertQuoteSql));
  DEPECHE_ASSIGN_OR_RETURN(insert_figure, Statement::Prepare(h, kInsertFigureSql));
  DEPECHE_ASSIGN_OR_RETURN(quotes_of, Statement::Prepare(h, kQuotesOfSql));
  DEPECHE_ASSIGN_OR_RETURN(figures_of, Statement::Prepare(h, kFiguresOfSql));
  return Status::Ok();
}

Status ValidateFacts(const Article& article) {
  for (size_t i = 0; i < article.quotes.size(); ++i) {
    const Quote& q = article.quotes[i];
    if (!AllInside(q.content, article.text) || !AllInside(q.partial, article.text) ||
        !Inside(q.cue, article.text) || !Inside(q.speaker, article.text) ||
        !Inside(q.speaker_name, article.text)) {
      return InvalidArgumentError("article " + article.id + ": quotation " + std::to_string(i) +
                                  " has a span outside the text");
    }
  }
  for (size_t i = 0; i < article.figures.size(); ++i) {
    const Figure& f = article.figures[i];
    if (!Inside(f.span, article.text) || !Inside(f.number, article.text) ||
        !Inside(f.unit_span, article.text) || !Inside(f.sentence, article.text)) {
      return InvalidArgumentError("article " + article.id + ": figure " + std::to_string(i) +
                                  " has a span outside the text");
    }
  }
  return Status::Ok();
}

Status ArticleStore::Impl::InsertFacts(const Article& article) {
  for (size_t i = 0; i < article.quotes.size(); ++i) {
    const Quote& q = article.quotes[i];
    Statement& stmt = insert_quote;
    ResetOnExit reset(stmt);
    stmt.BindText(1, article.id);
    stmt.BindInt64(2, static_cast<int64_t>(i));
    stmt.BindText(3, q.kind);
    EncodeJsonSpans(q.content, spans_buf);
    stmt.BindText(4, spans_buf);
    stmt.BindInt64(5, q.cue.begin);
    stmt.BindInt64(6, q.cue.end);
    stmt.BindText(7, q.speaker_kind);
    stmt.BindInt64(8, q.speaker.begin);
    stmt.BindInt64(9, q.speaker.end);
    stmt.BindInt64(10, q.speaker_name.begin);
    stmt.BindInt64(11, q.speaker_name.end);
    stmt.BindInt64(12, q.antecedent);
    std::string partial;
    EncodeJsonSpans(q.partial, partial);
    stmt.BindText(13, partial);
    DEPECHE_RETURN_IF_ERROR(stmt.Run());
  }
  for (size_t i = 0; i < article.figures.size(); ++i) {
    const Figure& f = article.figures[i];
    Statement& stmt = insert_figure;
    ResetOnExit reset(stmt);
    stmt.BindText(1, article.id);
    stmt.BindInt64(2, static_cast<int64_t>(i));
    stmt.BindInt64(3, f.span.begin);
    stmt.BindInt64(4, f.span.end);
    stmt.BindInt64(5, f.number.begin);
    stmt.BindInt64(6, f.number.end);
    stmt.BindDouble(7, f.value);
    if (f.high) {
      stmt.BindDouble(8, *f.high);
    } else {
      stmt.BindNull(8);
    }
    stmt.BindText(9, f.unit);
    stmt.BindInt64(10, f.unit_span.begin);
    stmt.BindInt64(11, f.unit_span.end);
    stmt.BindInt64(12, f.counted ? 1 : 0);
    stmt.BindText(13, f.bound);
    stmt.BindInt64(14, f.sentence.begin);
    stmt.BindInt64(15, f.sentence.end);
    DEPECHE_RETURN_IF_ERROR(stmt.Run());
  }
  return Status::Ok();
}

Status ArticleStore::Impl::ReadFacts(Article& article) {
  {
    Statement& stmt = quotes_of;
    ResetOnExit reset(stmt);
    stmt.BindText(1, article.id);
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      Quote q;
      q.kind = stmt.ColumnText(0);
      DEPECHE_ASSIGN_OR_RETURN(q.content, DecodeJsonSpans(stmt.ColumnText(1)));
      q.cue = ColumnSpan(stmt, 2);
      q.speaker_kind = stmt.ColumnText(4);
      q.speaker = ColumnSpan(stmt, 5);
      q.speaker_name = ColumnSpan(stmt, 7);
      q.antecedent = static_cast<int32_t>(stmt.ColumnInt64(9));
      DEPECHE_ASSIGN_OR_RETURN(q.partial, DecodeJsonSpans(stmt.ColumnText(10)));
      article.quotes.push_back(std::move(q));
    }
  }
  Statement& stmt = figures_of;
  ResetOnExit reset(stmt);
  stmt.BindText(1, article.id);
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    Figure f;
    f.span = ColumnSpan(stmt, 0);
    f.number = ColumnSpan(stmt, 2);
    f.value = stmt.ColumnDouble(4);
    if (!stmt.ColumnIsNull(5)) f.high = stmt.ColumnDouble(5);
    f.unit = stmt.ColumnText(6);
    f.unit_span = ColumnSpan(stmt, 7);
    f.counted = stmt.ColumnInt64(9) != 0;
    f.bound = stmt.ColumnText(10);
    f.sentence = ColumnSpan(stmt, 11);
    article.figures.push_back(std::move(f));
  }
  return Status::Ok();
}

}  // namespace depeche::store
