// StoryStore writes and state loading; the read queries are in story_queries.cc.
#include "store/story_store.h"

#include <algorithm>
#include <cstring>
#include <string_view>
#include <utility>

#include <sqlite3.h>

#include "store/row_codec.h"
#include "store/statement.h"

namespace depeche::store {
namespace {

// Fixed-width host-order blobs: the state is only read back by the build that wrote it (the
// schema version guards layout changes), and memcpy keeps save/load cheap.
template <typename T>
void Put(std::string& out, T value) {
  char buf[sizeof(T)];
  std::memcpy(buf, &value, sizeof(T));
  out.append(buf, sizeof(T));
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  template <typename T>
  bool Get(T& value) {
    if (data_.size() - pos_ < sizeof(T)) return false;
    std::memcpy(&value, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return true;
  }
  bool GetString(std::string& value) {
    uint32_t n = 0;
    if (!Get(n) || data_.size() - pos_ < n) return false;
    value.assign(data_.substr(pos_, n));
    pos_ += n;
    return true;
  }
  bool done() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

std::string EncodeStory(const story::StoryState& s) {
  std::string out;
  Put(out, s.created_seq);
  Put(out, s.last_seq);
  Put(out, s.first_time);
  Put(out, s.last_time);
  Put(out, static_cast<uint8_t>(s.dated));
  Put(out, s.article_count);
  Put(out, static_cast<uint32_t>(s.lang.size()));
  out += s.lang;
  for (double n : s.norm2) Put(out, n);
  Put(out, static_cast<uint32_t>(s.centroid.size()));
  for (const auto& [key, weight] : s.centroid) {
    Put(out, key);
    Put(out, weight);
  }
  Put(out, s.touched_clock);  // since schema 4; absent from older blobs
  // Since schema 7: the latest articles with their vectors (absent from older blobs).
  Put(out, static_cast<uint32_t>(s.members.size()));
  for (const story::StoryMember& m : s.members) {
    Put(out, static_cast<uint32_t>(m.article_id.size()));
    out += m.article_id;
    Put(out, m.seq);
    Put(out, m.time);
    Put(out, static_cast<uint8_t>(m.dated));
    Put(out, static_cast<uint32_t>(m.vec.size()));
    for (const auto& [key, weight] : m.vec) {
      Put(out, key);
      Put(out, weight);
    }
  }
  return out;
}

bool DecodeStory(std::string_view blob, story::StoryState& s) {
  Reader r(blob);
  uint8_t dated = 0;
  uint32_t n = 0;
  if (!r.Get(s.created_seq) || !r.Get(s.last_seq) || !r.Get(s.first_time) || !r.Get(s.last_time) ||
      !r.Get(dated) || !r.Get(s.article_count) || !r.GetString(s.lang)) {
    return false;
  }
  s.dated = dated != 0;
  for (double& v : s.norm2) {
    if (!r.Get(v)) return false;
  }
  if (!r.Get(n)) return false;
  s.centroid.resize(n);
  for (auto& [key, weight] : s.centroid) {
    if (!r.Get(key) || !r.Get(weight)) return false;
  }
  // Blobs written before schema 4 end here: the story was last extended at its latest date.
  if (r.done()) {
    s.touched_clock = s.last_time;
    return true;
  }
  if (!r.Get(s.touched_clock)) return false;
  if (r.done()) return true;  // written before schema 7: no members
  uint32_t members = 0;
  if (!r.Get(members)) return false;
  s.members.resize(members);
  for (story::StoryMember& m : s.members) {
    uint8_t member_dated = 0;
    uint32_t size = 0;
    if (!r.GetString(m.article_id) || !r.Get(m.seq) || !r.Get(m.time) || !r.Get(member_dated) ||
        !r.Get(size)) {
      return false;
    }
    m.dated = member_dated != 0;
    m.vec.resize(size);
    for (auto& [key, weight] : m.vec) {
      if (!r.Get(key) || !r.Get(weight)) return false;
    }
  }
  return r.done();
}

Status Run(Database* db, std::string_view sql) { return db->Exec(sql); }

Status PutMeta(Statement& stmt, std::string_view key, int64_t value) {
  ResetOnExit reset(stmt);
  stmt.BindText(1, key);
  stmt.BindInt64(2, value);
  return stmt.Run();
}

}  // namespace

Result<std::unique_ptr<StoryStore>> StoryStore::Create(Database* db) {
  if (db == nullptr) return InvalidArgumentError("StoryStore needs a database");
  return std::unique_ptr<StoryStore>(new StoryStore(db));
}

Status StoryStore::Record(const std::string& article_id, const story::ArticleStoryResult& result) {
  const story::Assignment& a = result.assignment;
  if (a.new_story) {
    DEPECHE_ASSIGN_OR_RETURN(Statement * st,
                             Cached("INSERT OR IGNORE INTO stories(id, opened_by, linked_story_id) "
                                    "VALUES (?1, ?2, ?3)"));
    ResetOnExit reset(*st);
    st->BindText(1, a.story_id);
    st->BindText(2, article_id);
    st->BindText(3, a.linked_story_id);
    DEPECHE_RETURN_IF_ERROR(st->Run());
  }
  std::string names, terms;
  EncodeJsonStringArray(result.top_names, names);
  EncodeJsonStringArray(result.top_terms, terms);
  int64_t seq = 0;
  {
    // Statements prepared once per store: preparing them at every article was 9% of Record.
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("INSERT INTO article_story(article_id, story_id, dup_group, original_id, "
               "similarity, linked_story_id, top_names, top_terms, copy_similarity) "
               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) RETURNING seq"));
    ResetOnExit reset(*st);
    st->BindText(1, article_id);
    st->BindText(2, a.story_id);
    st->BindText(3, result.dedup.group_id.empty() ? article_id : result.dedup.group_id);
    st->BindText(4, result.dedup.original_id);
    st->BindDouble(5, a.similarity);
    st->BindText(6, a.linked_story_id);
    st->BindText(7, names);
    st->BindText(8, terms);
    st->BindDouble(9, result.dedup.original_id.empty() ? 0.0 : result.dedup.jaccard);
    // RETURNING rather than LastInsertRowid: one statement on both backends.
    DEPECHE_ASSIGN_OR_RETURN(bool row, st->Step());
    if (!row) return InternalError("article_story: no seq returned for " + article_id);
    seq = st->ColumnInt64(0);
    DEPECHE_ASSIGN_OR_RETURN(bool more, st->Step());
    (void)more;
  }
  DEPECHE_RETURN_IF_ERROR(AddToSummary(a.story_id, article_id, seq, a.new_story));
  // The re-check's splits and moves, before the merges (a merge recorded after a move still
  // applies to the moved article). The summaries of the stories they touch are rebuilt below.
  std::set<std::string> moved_between;
  for (const story::StorySplit& split : a.splits) {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * row,
        Cached(
            "INSERT OR IGNORE INTO stories(id, opened_by, linked_story_id) VALUES (?1, ?2, ?3)"));
    {
      ResetOnExit reset(*row);
      row->BindText(1, split.new_id);
      row->BindText(2, split.opened_by);
      row->BindText(3, split.from_id);  // a split-off part is linked to where it came from
      DEPECHE_RETURN_IF_ERROR(row->Run());
    }
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("INSERT INTO story_splits(from_id, new_id, opened_by, at_article_id, "
               "article_count, similarity) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    ResetOnExit reset(*st);
    st->BindText(1, split.from_id);
    st->BindText(2, split.new_id);
    st->BindText(3, split.opened_by);
    st->BindText(4, split.at_article_id);
    st->BindInt64(5, split.article_count);
    st->BindDouble(6, split.similarity);
    DEPECHE_RETURN_IF_ERROR(st->Run());
  }
  for (const story::StoryMove& move : a.moves) {
    {
      DEPECHE_ASSIGN_OR_RETURN(
          Statement * st, Cached("UPDATE article_story SET story_id = ?2 WHERE article_id = ?1"));
      ResetOnExit reset(*st);
      st->BindText(1, move.article_id);
      st->BindText(2, move.to_id);
      DEPECHE_RETURN_IF_ERROR(st->Run());
    }
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("INSERT INTO story_moves(article_id, from_id, to_id, at_article_id, similarity) "
               "VALUES (?1, ?2, ?3, ?4, ?5)"));
    ResetOnExit reset(*st);
    st->BindText(1, move.article_id);
    st->BindText(2, move.from_id);
    st->BindText(3, move.to_id);
    st->BindText(4, article_id);
    st->BindDouble(5, move.similarity);
    DEPECHE_RETURN_IF_ERROR(st->Run());
    moved_between.insert(move.from_id);
    moved_between.insert(move.to_id);
  }
  for (const story::StoryMerge& m : a.merges) {
    {
      DEPECHE_ASSIGN_OR_RETURN(Statement * ins,
                               Cached("INSERT INTO story_merges(from_id, into_id, "
                                      "at_article_id, similarity) VALUES (?1, ?2, ?3, ?4)"));
      ResetOnExit reset(*ins);
      ins->BindText(1, m.from_id);
      ins->BindText(2, m.into_id);
      ins->BindText(3, m.at_article_id);
      ins->BindDouble(4, m.similarity);
      DEPECHE_RETURN_IF_ERROR(ins->Run());
    }
    // The older id is kept: everything filed under the merged story moves to it. The stories
    // merged into the merged one are found through story_merges (indexed by into_id) rather
    // than by `merged_into`, which has no index: scanning `stories` (one state blob per row)
    // at every merge made ingest cost grow with the number of stories. A story's merged_into
    // is only ever set along story_merges rows, so every story whose merged_into is ?1 is
    // reached from ?1 through them.
    constexpr std::string_view kRepointMerged =
        "WITH RECURSIVE m(id) AS (SELECT from_id FROM story_merges WHERE into_id = ?1 "
        "UNION SELECT s.from_id FROM story_merges s JOIN m ON s.into_id = m.id) "
        "UPDATE stories SET merged_into = ?2 WHERE merged_into = ?1 AND id IN (SELECT id FROM m)";
    for (std::string_view sql :
         {std::string_view("UPDATE article_story SET story_id = ?2 WHERE story_id = ?1"),
          std::string_view("UPDATE stories SET merged_into = ?2, state = NULL WHERE id = ?1"),
          kRepointMerged}) {
      DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(sql));
      ResetOnExit reset(*st);
      st->BindText(1, m.from_id);
      st->BindText(2, m.into_id);
      DEPECHE_RETURN_IF_ERROR(st->Run());
    }
    for (std::string_view sql : {"DELETE FROM story_summary WHERE story_id = ?1",
                                 "DELETE FROM story_sources WHERE story_id = ?1"}) {
      DEPECHE_ASSIGN_OR_RETURN(Statement * st, Cached(sql));
      ResetOnExit reset(*st);
      st->BindText(1, m.from_id);
      DEPECHE_RETURN_IF_ERROR(st->Run());
    }
    // The rebuild chooses the surviving story's title from all its articles; the merged
    // story's row is gone: neither has a title choice left to make.
    titles_pending_.erase(m.from_id);
    titles_pending_.erase(m.into_id);
    DEPECHE_RETURN_IF_ERROR(RebuildSummary(m.into_id));
  }
  // Sorted ids: the same rebuilds in the same order on every run. A story merged away or left
  // without articles loses its row.
  for (const std::string& id : moved_between) {
    titles_pending_.erase(id);
    DEPECHE_RETURN_IF_ERROR(RebuildSummary(id));
  }
  if (result.indexed) {
    const story::DedupEntry& e = *result.indexed;
    DEPECHE_ASSIGN_OR_RETURN(
        Statement * st,
        Cached("INSERT OR IGNORE INTO story_dedup(article_id, group_id, time, shingle_count, "
               "signature, dated) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
    ResetOnExit reset(*st);
    st->BindText(1, e.article_id);
    st->BindText(2, e.group_id);
    st->BindInt64(3, e.time);
    st->BindInt64(4, e.shingle_count);
    st->BindBlob(5, e.signature.data(), e.signature.size() * sizeof(uint32_t));
    st->BindInt64(6, e.dated ? 1 : 0);
    DEPECHE_RETURN_IF_ERROR(st->Run());
  }
  return Status::Ok();
}

Result<std::string> StoryStore::StoryOfArticle(const std::string& article_id) {
  DEPECHE_ASSIGN_OR_RETURN(
      Statement st,
      Statement::Prepare(db_, "SELECT story_id FROM article_story WHERE article_id = ?1"));
  st.BindText(1, article_id);
  DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
  return row ? std::string(st.ColumnText(0)) : std::string();
}

Status StoryStore::Save(const story::PipelineChanges& changes) {
  Database* h = db_;
  // Only what changed since the last save: the rows of the other stories and languages are
  // already current (after a rollback, StoryStage::Reload rebuilds the pipeline from them).
  const story::StateDelta& delta = changes.clusterer;
  DEPECHE_ASSIGN_OR_RETURN(
      Statement meta, Statement::Prepare(h,
                                         "INSERT INTO story_meta(key, value) VALUES (?1, ?2) "
                                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value"));
  DEPECHE_RETURN_IF_ERROR(PutMeta(meta, "next_seq", static_cast<int64_t>(delta.next_seq)));
  DEPECHE_RETURN_IF_ERROR(PutMeta(meta, "clock", delta.clock));
  DEPECHE_RETURN_IF_ERROR(PutMeta(meta, "clock_set", delta.clock_set ? 1 : 0));

  // Stories that left memory keep their row without state.
  if (!delta.removed.empty()) {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement drop, Statement::Prepare(h, "UPDATE stories SET state = NULL WHERE id = ?1"));
    for (const std::string& id : delta.removed) {
      ResetOnExit reset(drop);
      drop.BindText(1, id);
      DEPECHE_RETURN_IF_ERROR(drop.Run());
    }
  }
  if (!delta.changed.empty()) {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement up,
        Statement::Prepare(h,
                           "INSERT INTO stories(id, opened_by, state) VALUES (?1, '', ?2) "
                           "ON CONFLICT(id) DO UPDATE SET state = excluded.state"));
    std::string blob;
    for (const story::StoryState& s : delta.changed) {
      blob = EncodeStory(s);
      ResetOnExit reset(up);
      up.BindText(1, s.id);
      up.BindBlob(2, blob.data(), blob.size());
      DEPECHE_RETURN_IF_ERROR(up.Run());
    }
  }

  if (!delta.df.empty()) {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement df,
        Statement::Prepare(
            h,
            "INSERT INTO story_df(lang, docs, df) VALUES (?1, ?2, ?3) ON CONFLICT(lang) "
            "DO UPDATE SET docs = excluded.docs, df = excluded.df"));
    std::string blob;
    for (const story::LanguageDf& l : delta.df) {
      blob.clear();
      blob.reserve(l.df.size() * 12);
      for (const auto& [key, count] : l.df) {
        Put(blob, key);
        Put(blob, count);
      }
      ResetOnExit reset(df);
      df.BindText(1, l.lang);
      df.BindInt64(2, l.docs);
      df.BindBlob(3, blob.data(), blob.size());
      DEPECHE_RETURN_IF_ERROR(df.Run());
    }
  }

  DEPECHE_RETURN_IF_ERROR(FlushTitles());
  // Dedup rows are written by Record; here only the evicted ones go.
  if (changes.oldest_dedup_article.empty()) {
    DEPECHE_RETURN_IF_ERROR(Run(db_, "DELETE FROM story_dedup"));
    return RefreshStaleTitles();
  }
  DEPECHE_ASSIGN_OR_RETURN(
      Statement evict, Statement::Prepare(h,
                                          "DELETE FROM story_dedup WHERE pos < "
                                          "(SELECT pos FROM story_dedup WHERE article_id = ?1)"));
  evict.BindText(1, changes.oldest_dedup_article);
  DEPECHE_RETURN_IF_ERROR(evict.Run());
  return RefreshStaleTitles();
}

Result<SavedStoryState> StoryStore::Load() {
  titles_pending_.clear();  // marks of a rolled-back transaction
  Database* h = db_;
  SavedStoryState saved;
  story::ClustererState& state = saved.clusterer;
  {
    DEPECHE_ASSIGN_OR_RETURN(Statement st,
                             Statement::Prepare(h, "SELECT key, value FROM story_meta"));
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      std::string_view key = st.ColumnText(0);
      int64_t value = st.ColumnInt64(1);
      if (key == "next_seq") state.next_seq = static_cast<uint64_t>(value);
      if (key == "clock") state.clock = value;
      if (key == "clock_set") state.clock_set = value != 0;
    }
  }
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement st,
        Statement::Prepare(h, "SELECT id, state FROM stories WHERE state IS NOT NULL"));
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      story::StoryState s;
      s.id = std::string(st.ColumnText(0));
      if (!DecodeStory(st.ColumnBlob(1), s)) {
        return DataLossError("story " + s.id + ": malformed state");
      }
      state.stories.push_back(std::move(s));
    }
    std::sort(state.stories.begin(), state.stories.end(),
              [](const auto& a, const auto& b) { return a.created_seq < b.created_seq; });
  }
  {
    DEPECHE_ASSIGN_OR_RETURN(
        Statement st, Statement::Prepare(h, "SELECT lang, docs, df FROM story_df ORDER BY lang"));
    while (true) {
      DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
      if (!row) break;
      story::LanguageDf l;
      l.lang = std::string(st.ColumnText(0));
      l.docs = st.ColumnInt64(1);
      Reader r(st.ColumnBlob(2));
      while (!r.done()) {
        uint64_t key = 0;
        uint32_t count = 0;
        if (!r.Get(key) || !r.Get(count)) return DataLossError("story_df " + l.lang);
        l.df.emplace_back(key, count);
      }
      // Saved in hash-table order (sorting at every save would cost more than here, once).
      std::sort(l.df.begin(), l.df.end());
      state.df.push_back(std::move(l));
    }
  }
  DEPECHE_ASSIGN_OR_RETURN(Statement st,
                           Statement::Prepare(h,
                                              "SELECT article_id, group_id, time, shingle_count, "
                                              "signature, dated FROM story_dedup ORDER BY pos"));
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, st.Step());
    if (!row) break;
    story::DedupEntry e;
    e.article_id = std::string(st.ColumnText(0));
    e.group_id = std::string(st.ColumnText(1));
    e.time = st.ColumnInt64(2);
    e.shingle_count = static_cast<uint32_t>(st.ColumnInt64(3));
    std::string_view sig = st.ColumnBlob(4);
    if (sig.size() % sizeof(uint32_t) != 0) return DataLossError("story_dedup " + e.article_id);
    e.signature.resize(sig.size() / sizeof(uint32_t));
    if (!sig.empty()) std::memcpy(e.signature.data(), sig.data(), sig.size());
    e.dated = st.ColumnInt64(5) != 0;
    saved.dedup.push_back(std::move(e));
  }
  // article_story.story_id follows merges, so these are the stories the articles are in now.
  DEPECHE_ASSIGN_OR_RETURN(Statement recent,
                           Statement::Prepare(h,
                                              "SELECT d.article_id, s.story_id FROM story_dedup d "
                                              "JOIN article_story s ON s.article_id = d.article_id "
                                              "ORDER BY d.pos"));
  while (true) {
    DEPECHE_ASSIGN_OR_RETURN(bool row, recent.Step());
    if (!row) break;
    saved.recent.emplace_back(std::string(recent.ColumnText(0)), std::string(recent.ColumnText(1)));
  }
  return saved;
}

}  // namespace depeche::store
