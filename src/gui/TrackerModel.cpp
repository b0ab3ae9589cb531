// SPDX-License-Identifier: Apache-2.0
#include "gui/TrackerModel.hpp"

#include "core/wizard/TrackerState.hpp"
#include "gui/GuiUtil.hpp"

namespace par::gui {

static_assert(static_cast<int>(par::wizard::TrackerColumn::Unit) == TrackerModel::Unit &&
                  static_cast<int>(par::wizard::TrackerColumn::Overdue) == TrackerModel::Overdue,
              "the table's columns are TrackerState's sort columns");

void TrackerModel::show(const par::wizard::TrackerState* state) {
    state_ = state;
    Reset(state_ ? static_cast<unsigned int>(state_->rows().size()) : 0);
}

void TrackerModel::GetValueByRow(wxVariant& variant, unsigned int row, unsigned int col) const {
    if (state_ == nullptr || row >= state_->rows().size()) {
        variant = wxString();
        return;
    }
    const auto& r = state_->rows()[row];
    const std::string* text = nullptr;
    switch (col) {
        case Unit: text = &r.unit; break;
        case Audit: text = &r.audit; break;
        case Action: text = &r.action; break;
        case Responsible: text = &r.responsible; break;
        case Deadline: text = &r.deadline; break;
        case Status: text = &r.status; break;
        case Overdue: text = &r.overdue; break;
        default: break;
    }
    variant = text ? wx(*text) : wxString();
}

bool TrackerModel::GetAttrByRow(unsigned int row, unsigned int, wxDataViewItemAttr& attr) const {
    if (state_ == nullptr || row >= state_->rows().size()) return false;
    const auto& r = state_->rows()[row];
    if (r.highlight) {
        attr.SetBackgroundColour(wxColour(253, 226, 226));
        attr.SetColour(errorColour());
        attr.SetBold(true);
        return true;
    }
    if (r.dueSoon) {
        attr.SetColour(warningColour());
        return true;
    }
    return false;
}

}  // namespace par::gui
