// SPDX-License-Identifier: Apache-2.0
// GuiPch.hpp - the precompiled header of par-audit-gui: the wx headers every GUI file uses (they are
// heavy; compiling them once saves minutes on the shared 2-core build machines).
#pragma once

#include <wx/wx.h>
#include <wx/grid.h>
#include <wx/simplebook.h>
#include <wx/dataview.h>
#include <wx/config.h>
#include <wx/filehistory.h>
