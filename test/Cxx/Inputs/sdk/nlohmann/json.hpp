// Stub of nlohmann/json (declarations only, for cloudpact's tests).
#pragma once
#include <cstddef>
#include <initializer_list>
#include <string>
#include <type_traits>

namespace nlohmann {
inline namespace json_abi_v3_11_3 {
namespace detail {
enum class value_t : unsigned char { null, object, array, string, boolean, number_integer, number_unsigned, number_float };
template <typename BasicJsonType> class json_ref {
public:
  json_ref(BasicJsonType &&value);
  json_ref(const BasicJsonType &value);
  json_ref(std::initializer_list<json_ref> init);
  template <class... Args, std::enable_if_t<std::is_constructible<BasicJsonType, Args...>::value, int> = 0>
  json_ref(Args &&...args);
};
} // namespace detail

template <typename = void> class basic_json {
public:
  using initializer_list_t = std::initializer_list<detail::json_ref<basic_json>>;
  using reference = basic_json &;
  using size_type = std::size_t;

  basic_json(std::nullptr_t = nullptr) noexcept;
  template <typename CompatibleType,
            typename U = std::decay_t<CompatibleType>,
            std::enable_if_t<!std::is_same_v<U, basic_json> && !std::is_same_v<U, detail::json_ref<basic_json>>, int> = 0>
  basic_json(CompatibleType &&val);
  basic_json(initializer_list_t init, bool type_deduction = true, detail::value_t manual_type = detail::value_t::array);
  basic_json(const basic_json &other);
  basic_json(basic_json &&other) noexcept;
  basic_json &operator=(basic_json other) noexcept;

  reference operator[](const std::string &key);
  template <typename T> reference operator[](T *key);
  reference operator[](size_type idx);

  std::string dump(const int indent = -1, const char indent_char = ' ', const bool ensure_ascii = false) const;
  template <typename ValueType> ValueType get() const;
  void push_back(basic_json &&val);

  static basic_json parse(const std::string &input);
  static basic_json array(initializer_list_t init = {});
  static basic_json object(initializer_list_t init = {});
};

using json = basic_json<>;

inline namespace literals {
inline namespace json_literals {
json operator""_json(const char *s, std::size_t n);
} // namespace json_literals
} // namespace literals
} // namespace json_abi_v3_11_3
} // namespace nlohmann

using nlohmann::literals::json_literals::operator""_json;
