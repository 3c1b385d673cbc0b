-- The effective date of the signed handover batch that put a retiree under socialized management (DOMAIN.md §5.2).
ALTER TABLE registry.retirees ADD COLUMN received_on date;
ALTER TABLE registry.retirees ADD CONSTRAINT retirees_received_on_check
    CHECK (received_on IS NULL OR status IN ('UNDER_SOCIALIZED_MANAGEMENT', 'DECEASED'));
