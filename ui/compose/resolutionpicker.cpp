#include "compose/resolutionpicker.h"

#include "common/accessiblerole.h"
#include "domain/job.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QToolButton>

using namespace Qt::StringLiterals;

ResolutionPicker::ResolutionPicker(QWidget *parent)
    : QWidget(parent)
    , m_resolutions(acceptedResolutions())
    , m_group(new QButtonGroup(this))
{
    setAccessibleName(tr("Resolution"));
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0); // segments touch, like one control
    for (int i = 0; i < m_resolutions.size(); ++i) {
        const QString &name = m_resolutions.at(i);
        auto *button = new QToolButton(this);
        button->setText(name);
        button->setCheckable(true);
        button->setAutoExclusive(false);
        button->setMinimumWidth(56);
        button->setFocusPolicy(Qt::StrongFocus);
        button->setAccessibleName(tr("Resolution %1").arg(name));
        setAccessibleRole(button, QAccessible::RadioButton); // one of three, not a check box
        button->setToolTip(tr("%1 · %2 stars per image").arg(name).arg(starCost(name)));
        // Rounded only at the ends, so the three read as one segmented control.
        const bool first = i == 0;
        const bool last = i == m_resolutions.size() - 1;
        button->setStyleSheet(
            u"QToolButton { border: 1px solid palette(mid); background: palette(button);"
            u" padding: 4px 14px; border-top-left-radius: %1px; border-bottom-left-radius: %1px;"
            u" border-top-right-radius: %2px; border-bottom-right-radius: %2px; %3 }"
            u" QToolButton:checked { background: palette(highlight);"
            u" color: palette(highlighted-text); border-color: palette(highlight); }"
            u" QToolButton:focus { border: 2px solid palette(highlight); }"_s.arg(first ? 5 : 0)
                .arg(last ? 5 : 0)
                .arg(first ? QString() : u"border-left: none;"_s));
        m_group->addButton(button, i);
        row->addWidget(button);
    }
    row->addStretch(1);
    m_group->setExclusive(true);
    m_group->button(0)->setChecked(true);
    connect(m_group, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked)
            Q_EMIT resolutionChanged(m_resolutions.at(id));
    });
}

QString ResolutionPicker::resolution() const
{
    const int id = m_group->checkedId();
    return id >= 0 ? m_resolutions.at(id) : QString();
}

bool ResolutionPicker::setResolution(const QString &resolution)
{
    const int index = int(m_resolutions.indexOf(resolution.trimmed().toUpper()));
    if (index < 0)
        return false;
    m_group->button(index)->setChecked(true);
    return true;
}

QAbstractButton *ResolutionPicker::button(const QString &resolution) const
{
    const int index = int(m_resolutions.indexOf(resolution));
    return index >= 0 ? m_group->button(index) : nullptr;
}
