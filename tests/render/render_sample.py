"""A small strategy repository, inline, used across the render tests."""

from __future__ import annotations

SAMPLE: dict[str, str] = {
    "strategy.yaml": """
        organisation: Brookside Community NHS Trust
        title: Digital strategy 2026 to 2029
        mission: Give people *time back* by making everyday care simple online and in person.
        owner: {name: Sam Okafor, role: Chief Digital Officer, function: digital}
        horizon: {start: 2026-04-01, end: 2029-03-31}
        review: {cadence: quarterly, last_reviewed: 2026-10-01}
        maturity: siloed
        objectives:
          - {id: timely-care, title: Cut waiting times for community care, kind: operational}
          - {id: safer-care, title: Reduce avoidable harm, kind: clinical}
        principles:
          - {name: Start with users, meaning: We watch and listen before we build or buy.}
          - {name: Fix the basics, meaning: Reliable Wi-Fi and quick log-ins come first.}
        system:
          name: Brookside Integrated Care System
          alignment: We deliver our part of the system's [shared record](https://example.org/scr).
          shared_priorities: [Shared care record]
        not_doing:
          - {what: A new patient app, why: The NHS App already does this for our patients.}
        delivered:
          - {what: Wi-Fi in every clinic, when: 2026-01-31, impact: Staff log in 40% faster.}
        risks:
          - risk: A ransomware attack takes the records system offline.
            kind: cyber-security
            owner: {name: Lee Grant, role: Head of IT, function: digital}
            mitigation: Offline backups tested every quarter.
            likelihood: medium
            impact: high
        indicators:
          - name: Appointments changed online
            kind: take-up
            baseline: 5
            target: 40
            due: 2029-03-31
            unit: "%"
        capacity: {concurrent_initiatives: 3}
        ways_of_working:
          - {area: finance, change: Fund teams for a year rather than projects.}
        rhythm:
          - {kind: show-and-tell, frequency: fortnightly}
          - {kind: re-prioritisation, frequency: quarterly}
        communication:
          published_at: https://example.org/digital
          channels: [Staff briefing, Ward posters]
        scoring:
          model: weighted
          criteria:
            - {id: patient-benefit, label: Patient benefit, weight: 50, max: 5}
            - {id: staff-benefit, label: Staff benefit, weight: 25, max: 5}
            - {id: financial-benefit, label: Financial benefit, weight: 25, max: 5}
    """,
    "services/appointments.yaml": """
        name: Community appointments
        description: Booking and changing community clinic appointments.
        kind: transaction
        owner: {name: Ria Shah, role: Head of Access, function: operational}
        measures:
          measured_on: 2026-09-30
          volume_per_year: 120000
          cost_per_use: 4.5
          quality: 80
          digital_take_up: 12
          user_satisfaction: 70
          completion_rate: 90
          failure_demand: 30
        opportunity: {level: high, why: A third of calls are people chasing appointments.}
        team: Access team
        users: [patients]
        systems: [Patient administration system]
    """,
    "services/paper-referrals.yaml": """
        name: Paper referrals
        kind: transaction
        owner: {name: Ria Shah, function: operational}
        measures:
          measured_on: 2026-09-30
          volume_per_year: 8000
          cost_per_use: 12
          quality: 60
          digital_take_up: 0
        opportunity: {level: medium}
        status: legacy
        switch_off: 2027-06-30
        team: Referrals office
        users: [patients]
    """,
    "users/patients.yaml": """
        name: Community patients
        kind: patient
        description: Adults seen by community teams.
        at_risk_of_exclusion: true
        specific_needs:
          - {kind: language, note: One in ten prefers a language other than English.}
        needs:
          - id: change-appointment
            statement: I need to change my appointment without waiting on the phone.
            priority: high
            evidence:
              - source: complaints
                date: 2026-03-31
                summary: Phone waits were the top complaint theme.
                participants: 120
                voices: wider
          - id: know-who-visits
            statement: I need to know who is visiting me and when.
            priority: medium
            evidence:
              - {source: interview, date: 2026-05-01, summary: Patients wait in all day.,
                 voices: seldom-heard}
    """,
    "initiatives/online-appointments.yaml": """
        name: Change appointments online
        description: Patients see and change community appointments in the NHS App.
        owner: {name: Ria Shah, role: Head of Access, function: operational}
        category: improve
        status: in-progress
        exemplar: true
        needs: [patients/change-appointment]
        services: [appointments]
        objectives: [timely-care]
        scores: {patient-benefit: 5, staff-benefit: 3, financial-benefit: 4}
        effort: 3
        start: 2026-05-01
        end: 2026-10-31
    """,
    "initiatives/visit-times.yaml": """
        name: Text patients their visit time
        owner: {name: Jo Park, role: Community Matron, function: clinical}
        category: improve
        status: approved
        needs: [patients/know-who-visits]
        objectives: [timely-care]
        scores: {patient-benefit: 4, staff-benefit: 2, financial-benefit: 1}
        effort: 2
        depends_on: [online-appointments]
    """,
    "initiatives/switch-off-paper.yaml": """
        name: Switch off paper referrals
        owner: {name: Ria Shah, function: operational}
        category: maintain
        status: proposed
        services: [paper-referrals]
        objectives: [safer-care]
        scores: {patient-benefit: 2, staff-benefit: 4, financial-benefit: 3}
        effort: 5
    """,
    "commitments/change-online.yaml": """
        statement: Patients can change a community appointment online at any time.
        outcome: Fewer calls chasing appointments.
        owner: {name: Ria Shah, role: Head of Access, function: operational}
        initiatives: [online-appointments]
        measure:
          metric: Appointment changes made online
          unit: "%"
          baseline: 5
          baseline_date: 2026-03-31
          target: 40
          source: Patient administration system monthly report
        due: 2027-03-31
        status: on-track
        progress:
          - {date: 2026-09-30, note: Live in two clinics., value: 22}
    """,
}
