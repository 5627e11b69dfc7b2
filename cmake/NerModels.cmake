# Trains the NER models into DEPECHE_NER_MODEL_DIR with `depeche train ner` when
# DEPECHE_TRAIN_MODELS is on and the gold data is in DEPECHE_SHARED_DIR. Their data's licences
# (CoNLL: evaluation only; WikiNEuRal: CC BY-NC-SA 4.0) keep these models out of the
# repository; each gets MODEL.provenance.txt beside it. A model is retrained when its data or
# the training code changes (not on every relink of the CLI). Included from
# apps/depeche/CMakeLists.txt, after the depeche target.
if(NOT DEPECHE_TRAIN_MODELS)
  return()
endif()

set(_data "${DEPECHE_SHARED_DIR}/data/wikineural/data")
set(_code
  "${PROJECT_SOURCE_DIR}/src/extract/ner_features.cc" "${PROJECT_SOURCE_DIR}/src/extract/ner_train.cc"
  "${PROJECT_SOURCE_DIR}/src/extract/ner_model.cc" "${PROJECT_SOURCE_DIR}/src/extract/ner_decode.cc"
  "${PROJECT_SOURCE_DIR}/src/eval/ner_datasets.cc" "${PROJECT_SOURCE_DIR}/apps/depeche/cmd_train.cc"
  "${PROJECT_SOURCE_DIR}/src/extract/ner_gazetteer.cc" "${PROJECT_SOURCE_DIR}/src/extract/gazetteer.cc")
# The models learn the gazetteer features (src/extract/ner_gazetteer.h) from data/.
file(GLOB _gazetteer_data CONFIGURE_DEPENDS
  "${PROJECT_SOURCE_DIR}/data/gazetteer/*.tsv" "${PROJECT_SOURCE_DIR}/data/gazetteer/*.txt"
  "${PROJECT_SOURCE_DIR}/data/*/titles.txt" "${PROJECT_SOURCE_DIR}/data/*/roles.txt"
  "${PROJECT_SOURCE_DIR}/data/*/stopwords.txt")
list(APPEND _code ${_gazetteer_data})
set(_outputs "")

# depeche_ner_model(LANG FORMAT SLICE LICENCE FILE...)
function(depeche_ner_model lang format slice licence)
  set(_files ${ARGN})
  foreach(_f IN LISTS _files)
    if(NOT EXISTS "${_f}")
      message(STATUS "NER model ${lang}: ${_f} absent, not trained")
      return()
    endif()
  endforeach()
  set(_out "${DEPECHE_NER_MODEL_DIR}/ner-${lang}.model")
  set(_data_args "")
  foreach(_f IN LISTS _files)
    list(APPEND _data_args --data "${_f}")
  endforeach()
  add_custom_command(OUTPUT "${_out}"
    COMMAND ${CMAKE_COMMAND} -E make_directory "${DEPECHE_NER_MODEL_DIR}"
    COMMAND depeche train ner --lang ${lang} --format ${format}
            --slice ${slice} --licence "${licence}" ${_data_args} --out "${_out}"
    DEPENDS ${_files} ${_code}
    COMMENT "Training the ${lang} NER model (depeche train ner)"
    VERBATIM)
  set(_outputs ${_outputs} "${_out}" PARENT_SCOPE)
endfunction()

set(_evaluation_only "evaluation only (CoNLL corpus licence): not redistributable")
depeche_ner_model(en conll 0:1 "${_evaluation_only}" "${_data}/conll/en/train.conllu")
depeche_ner_model(de conll 0:1 "${_evaluation_only}" "${_data}/conll/de/train.conllu")
depeche_ner_model(es conll 0:1 "${_evaluation_only}" "${_data}/conll/es/train.conllu")
# WikiNEuRal fr: only val.conllu is in ../shared, so the model learns its first 80% of
# sentences and `depeche eval ner --slice 0.8:1` scores the rest (docs/QUALITY.md).
depeche_ner_model(fr conll 0:0.8 "CC BY-NC-SA 4.0 (WikiNEuRal): not redistributable here"
                  "${_data}/wikineural/fr/val.conllu")

if(_outputs)
  add_custom_target(ner_models ALL DEPENDS ${_outputs})
endif()
