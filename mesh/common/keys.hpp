#pragma once
// The inverse of an enum's key function: the value among `values` whose key is `key`.
#include <initializer_list>
#include <optional>
#include <string>

namespace mv {

template <class E, class KeyOf>
std::optional<E> from_key(const std::string& key, std::initializer_list<E> values, KeyOf key_of) {
  for (E v : values)
    if (key_of(v) == key) return v;
  return std::nullopt;
}

}  // namespace mv
