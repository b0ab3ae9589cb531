// SPDX-License-Identifier: Apache-2.0
// TrackerModel.hpp - the wxDataViewCtrl model of the tracker: a virtual list over the visible rows
// of a par::wizard::TrackerState (texts and highlight flags come from there), overdue rows drawn
// bold on a light red background, actions due within a working week in dark orange.
#pragma once

#include <wx/dataview.h>

namespace par::wizard {
class TrackerState;
}

namespace par::gui {

class TrackerModel : public wxDataViewVirtualListModel {
public:
    enum Column { Unit, Audit, Action, Responsible, Deadline, Status, Overdue, ColumnCount };

    TrackerModel() : wxDataViewVirtualListModel(0) {}
    // Shows the rows of `state` (nullptr: none); call again after every change of the state.
    void show(const par::wizard::TrackerState* state);

    unsigned int GetColumnCount() const override { return ColumnCount; }
    wxString GetColumnType(unsigned int) const override { return "string"; }
    void GetValueByRow(wxVariant& variant, unsigned int row, unsigned int col) const override;
    bool GetAttrByRow(unsigned int row, unsigned int col, wxDataViewItemAttr& attr) const override;
    bool SetValueByRow(const wxVariant&, unsigned int, unsigned int) override { return false; }

private:
    const par::wizard::TrackerState* state_ = nullptr;
};

}  // namespace par::gui
