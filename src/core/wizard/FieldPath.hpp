// SPDX-License-Identifier: Apache-2.0
// FieldPath.hpp - names one input field of a page: a top-level question, a cell of a table row, or a
// question inside one sub-unit instance of a repeat. Used as the key of pending input errors.
#pragma once

#include <string>

namespace par::wizard {

struct FieldPath {
    std::string question;  // top-level question (or table / repeat) id
    int row = -1;          // table row or repeat instance, from 0; -1 for a scalar question
    std::string column;    // table column or repeat child id

    static FieldPath scalar(std::string q) { return {std::move(q), -1, ""}; }
    static FieldPath cell(std::string q, int row, std::string column) {
        return {std::move(q), row, std::move(column)};
    }

    // "q", "q/2/col" (row from 0): a stable text key.
    std::string key() const;
    bool operator<(const FieldPath& o) const { return key() < o.key(); }
    bool operator==(const FieldPath& o) const {
        return question == o.question && row == o.row && column == o.column;
    }
};

}  // namespace par::wizard
