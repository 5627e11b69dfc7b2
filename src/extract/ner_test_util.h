// Helpers for the NER tests: a unique file path per test, and a toy training set a tagger
// must learn (names after cue words, in varied contexts).
#ifndef DEPECHE_EXTRACT_NER_TEST_UTIL_H_
#define DEPECHE_EXTRACT_NER_TEST_UTIL_H_

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "extract/ner_train.h"

namespace depeche::extract::testing_util {

// A path under testing::TempDir() named after the running test; removed with the object.
class TempPath {
 public:
  explicit TempPath(const std::string& suffix) {
    static int counter = 0;
    const ::testing::TestInfo* info = ::testing::UnitTest::GetInstance()->current_test_info();
    std::string dir = ::testing::TempDir();
    if (!dir.empty() && dir.back() != '/') dir += '/';
    path_ = dir + "depeche_ner_" + info->test_suite_name() + "_" + info->name() + "_" +
            std::to_string(getpid()) + "_" + std::to_string(counter++) + suffix;
    std::remove(path_.c_str());
  }
  ~TempPath() {
    std::remove(path_.c_str());
    std::remove((path_ + ".tmp").c_str());
  }
  TempPath(const TempPath&) = delete;
  TempPath& operator=(const TempPath&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The bytes of the file at `path` ("" when unreadable).
inline std::string ReadBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// "Mr Smith met Alice in Paris ." with tags given inline as word/TAG ("Smith/B-PER").
inline NerTrainingSentence ToySentence(const std::string& text) {
  NerTrainingSentence s;
  std::istringstream in(text);
  std::string item;
  while (in >> item) {
    const size_t slash = item.rfind('/');
    if (slash != std::string::npos && slash > 0) {
      s.words.push_back(item.substr(0, slash));
      s.labels.push_back(ParseNerLabel(item.substr(slash + 1)).value_or(kOutside));
    } else {
      s.words.push_back(item);
      s.labels.push_back(kOutside);
    }
  }
  return s;
}

// Invented sentences: persons after "Mr"/"said", places after "in", organisations ending in
// "Corp" or "Bank", one document per sentence.
inline std::vector<NerTrainingDocument> ToyCorpus() {
  const char* kPeople[] = {"Smith", "Jones", "Brown", "Taylor", "Wilson", "Davies"};
  const char* kFirst[] = {"John", "Mary", "Peter", "Anna", "Paul", "Claire"};
  const char* kPlaces[] = {"Paris", "Berlin", "Madrid", "Lisbon", "Vienna", "Oslo"};
  const char* kOrgs[] = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Vandelay"};
  std::vector<NerTrainingDocument> docs;
  for (int i = 0; i < 6; ++i) {
    for (int j = 0; j < 6; ++j) {
      const std::string per = kPeople[i], first = kFirst[j], place = kPlaces[(i + j) % 6],
                        org = kOrgs[(i * 5 + j) % 6];
      NerTrainingDocument d;
      d.sentences.push_back(ToySentence("Mr " + per + "/B-PER met the staff of " + org +
                                        "/B-ORG Corp/I-ORG in " + place + "/B-LOC ."));
      d.sentences.push_back(ToySentence(first + "/B-PER " + per + "/I-PER said prices rose in " +
                                        place + "/B-LOC on Monday ."));
      d.sentences.push_back(ToySentence("The " + org + "/B-ORG Bank/I-ORG opened an office in " +
                                        place + "/B-LOC , " + first + "/B-PER said ."));
      docs.push_back(std::move(d));
    }
  }
  return docs;
}

}  // namespace depeche::extract::testing_util

#endif  // DEPECHE_EXTRACT_NER_TEST_UTIL_H_
