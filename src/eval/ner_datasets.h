// NER gold data, read into one shape for training (depeche train ner) and scoring
// (ner_eval.h). Formats:
//  - "conll": one word per line, the tag in the last column, a blank line between sentences,
//    "-DOCSTART-" lines between documents. Tab-separated lines whose first column is a number
//    (WikiNEuRal, the CoNLL copies in ../shared/data/wikineural: "index<TAB>word<TAB>tag")
//    take the word from the second column, other lines from the first (CoNLL-2003
//    "word POS chunk tag"). Without -DOCSTART-, each sentence is its own document (WikiNEuRal
//    sentences come from different articles).
//  - "europeana": the Europeana Newspapers corpora ("word TAG", IOB1): as conll, but the files
//    have no blank lines, so a sentence also ends after ".", "!" or "?" once it holds 40 words;
//    each such segment is its own document.
//  - "hipe": HIPE-2022 TSV (TOKEN, NE-COARSE-LIT, ..., MISC): "# hipe2022:document_id" starts
//    a document; a sentence ends at a MISC "EndOfSentence"; coarse types pers -> PER,
//    org -> ORG, loc -> LOC, prod and humanprod -> MISC; time is not a name here (O).
// Tags are read as IOB1 or IOB2 and stored as IOB2 (an I-X that does not continue an X
// chunk starts one, as conlleval reads it).
#ifndef DEPECHE_EVAL_NER_DATASETS_H_
#define DEPECHE_EVAL_NER_DATASETS_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "depeche/status.h"
#include "extract/ner_labels.h"

namespace depeche::eval {

enum class NerFormat { kConll, kEuropeana, kHipe };

// "conll", "europeana" or "hipe"; InvalidArgument otherwise.
Result<NerFormat> ParseNerFormat(std::string_view name);

struct NerGoldSentence {
  std::vector<std::string> words;
  std::vector<extract::NerLabel> labels;  // IOB2
};

struct NerGoldDocument {
  std::string id;  // "<file>#<n>" or the HIPE document id
  std::vector<NerGoldSentence> sentences;
};

// Reads `path`: a file, or every regular file of a folder (recursively, sorted by path)
// whose name ends in .conllu, .conll, .bio, .tsv or .txt. Errors: NotFound for a missing
// path; InvalidArgument naming file and line for an unknown tag or a line without one;
// Unavailable when a file cannot be read.
Result<std::vector<NerGoldDocument>> ReadNerData(const std::string& path, NerFormat format);

// "A:B" with 0 <= A < B <= 1: the fractions of a data set's sentences kept by SliceSentences.
// InvalidArgument otherwise.
Result<std::pair<double, double>> ParseNerSlice(std::string_view slice);

// The sentences with index in [floor(from * N), floor(to * N)) of the N sentences of
// `documents` in order (documents left empty are dropped). "0:0.8" and "0.8:1" partition the
// data: train on one, score on the other.
std::vector<NerGoldDocument> SliceSentences(std::vector<NerGoldDocument> documents, double from,
                                            double to);

}  // namespace depeche::eval

#endif  // DEPECHE_EVAL_NER_DATASETS_H_
