// A small JSON Schema validator for the tests: the subset docs/json-schema/ uses. Keywords:
// type (a name or a list of names; "integer" rejects 87.0), enum, required, properties,
// additionalProperties (false or a schema), items, $ref ("#/$defs/x" in the same file or
// "file.json#/$defs/x" beside it), pattern (ECMAScript, searched), minLength (code points),
// minimum, maximum; annotations ($schema, $id, $defs, title, description) are ignored. Any other
// keyword is reported as an error, so a schema cannot rely on something left unchecked.
#ifndef DEPECHE_TESTS_INTEGRATION_JSON_SCHEMA_VALIDATOR_H_
#define DEPECHE_TESTS_INTEGRATION_JSON_SCHEMA_VALIDATOR_H_

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace depeche::testing_util {

class JsonSchemaValidator {
 public:
  explicit JsonSchemaValidator(std::filesystem::path dir) : dir_(std::move(dir)) {}

  // The violations of `instance` against the schema file `file` (in the folder), each as
  // "<JSON pointer>: <what>"; empty when it conforms. A schema that cannot be read or uses an
  // unsupported keyword is a violation too.
  std::vector<std::string> Validate(const std::string& file, const nlohmann::json& instance) {
    std::vector<std::string> errors;
    const nlohmann::json* schema = Load(file, errors);
    if (schema != nullptr) Check(file, *schema, instance, "", errors);
    return errors;
  }

 private:
  const nlohmann::json* Load(const std::string& file, std::vector<std::string>& errors) {
    auto it = docs_.find(file);
    if (it != docs_.end()) return &it->second;
    std::ifstream in(dir_ / file);
    if (!in) {
      errors.push_back("cannot read schema " + (dir_ / file).string());
      return nullptr;
    }
    nlohmann::json doc = nlohmann::json::parse(in, nullptr, false);
    if (doc.is_discarded()) {
      errors.push_back("schema " + file + " is not JSON");
      return nullptr;
    }
    return &docs_.emplace(file, std::move(doc)).first->second;
  }

  static bool HasType(const nlohmann::json& v, const std::string& type) {
    if (type == "null") return v.is_null();
    if (type == "boolean") return v.is_boolean();
    if (type == "integer") return v.is_number_integer();
    if (type == "number") return v.is_number();
    if (type == "string") return v.is_string();
    if (type == "array") return v.is_array();
    if (type == "object") return v.is_object();
    return false;
  }

  static size_t CodePoints(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
  }

  void Check(const std::string& file, const nlohmann::json& schema, const nlohmann::json& v,
             const std::string& where, std::vector<std::string>& errors) {
    static const std::set<std::string> kKnown = {
        "$schema", "$id",       "$defs",    "title",      "description",          "$ref",
        "type",    "enum",      "required", "properties", "additionalProperties", "items",
        "pattern", "minLength", "minimum",  "maximum"};
    const std::string at = where.empty() ? "/" : where;
    if (!schema.is_object()) {
      errors.push_back(at + ": schema in " + file + " is not an object");
      return;
    }
    for (const auto& [key, value] : schema.items()) {
      if (kKnown.count(key) == 0) errors.push_back(at + ": unsupported keyword " + key);
    }
    if (schema.contains("$ref")) {
      const std::string ref = schema["$ref"].get<std::string>();
      const size_t hash = ref.find('#');
      const std::string target = hash == 0 ? file : ref.substr(0, hash);
      const nlohmann::json* doc = Load(target, errors);
      if (doc == nullptr) return;
      const std::string pointer = hash == std::string::npos ? "" : ref.substr(hash + 1);
      const nlohmann::json::json_pointer ptr(pointer);
      if (!doc->contains(ptr)) {
        errors.push_back(at + ": unresolved $ref " + ref);
        return;
      }
      Check(target, doc->at(ptr), v, where, errors);
    }
    if (schema.contains("type")) {
      const nlohmann::json& type = schema["type"];
      bool ok = false;
      if (type.is_string()) ok = HasType(v, type.get<std::string>());
      for (const auto& t : type.is_array() ? type : nlohmann::json::array()) {
        ok = ok || HasType(v, t.get<std::string>());
      }
      if (!ok) {
        errors.push_back(at + ": " + v.dump() + " is not of type " + type.dump());
        return;
      }
    }
    if (schema.contains("enum")) {
      bool ok = false;
      for (const auto& e : schema["enum"]) ok = ok || e == v;
      if (!ok) errors.push_back(at + ": " + v.dump() + " is not one of " + schema["enum"].dump());
    }
    if (v.is_string()) {
      const std::string s = v.get<std::string>();
      if (schema.contains("pattern") &&
          !std::regex_search(s, std::regex(schema["pattern"].get<std::string>()))) {
        errors.push_back(at + ": \"" + s + "\" does not match " + schema["pattern"].dump());
      }
      if (schema.contains("minLength") && CodePoints(s) < schema["minLength"].get<size_t>()) {
        errors.push_back(at + ": \"" + s + "\" is shorter than " + schema["minLength"].dump());
      }
    }
    if (v.is_number()) {
      if (schema.contains("minimum") && v.get<double>() < schema["minimum"].get<double>()) {
        errors.push_back(at + ": " + v.dump() + " is below " + schema["minimum"].dump());
      }
      if (schema.contains("maximum") && v.get<double>() > schema["maximum"].get<double>()) {
        errors.push_back(at + ": " + v.dump() + " is above " + schema["maximum"].dump());
      }
    }
    if (v.is_object()) {
      for (const auto& name : schema.value("required", nlohmann::json::array())) {
        if (!v.contains(name.get<std::string>())) {
          errors.push_back(at + ": missing " + name.get<std::string>());
        }
      }
      const nlohmann::json properties = schema.value("properties", nlohmann::json::object());
      for (const auto& [key, value] : v.items()) {
        const std::string path = where + "/" + key;
        if (properties.contains(key)) {
          Check(file, properties[key], value, path, errors);
        } else if (schema.contains("additionalProperties")) {
          const nlohmann::json& extra = schema["additionalProperties"];
          if (extra.is_boolean()) {
            if (!extra.get<bool>()) errors.push_back(path + ": not allowed");
          } else {
            Check(file, extra, value, path, errors);
          }
        }
      }
    }
    if (v.is_array() && schema.contains("items")) {
      for (size_t i = 0; i < v.size(); ++i) {
        Check(file, schema["items"], v[i], where + "/" + std::to_string(i), errors);
      }
    }
  }

  std::filesystem::path dir_;
  std::map<std::string, nlohmann::json> docs_;
};

}  // namespace depeche::testing_util

#endif  // DEPECHE_TESTS_INTEGRATION_JSON_SCHEMA_VALIDATOR_H_
