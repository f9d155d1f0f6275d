-- The widget's look and the team's office hours, per app. NULL office hours: always available.
ALTER TABLE apps
  ADD COLUMN theme_color text CHECK (theme_color ~ '^#[0-9a-f]{6}$'),
  ADD COLUMN office_hours text;
