// R16: the basis of an association, one checkbox per basis the policy names. One field for the single
// decision and the decision in bulk (each wraps it in its form's Controller).
import Checkbox from '@mui/material/Checkbox';
import FormControl from '@mui/material/FormControl';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormGroup from '@mui/material/FormGroup';
import FormHelperText from '@mui/material/FormHelperText';
import FormLabel from '@mui/material/FormLabel';
import { useTranslation } from 'react-i18next';
import { ASSOCIATION_BASES, type AssociationBasis } from '../../engine/policy-terms';

export interface AssociationBasisFieldProps {
  value: readonly AssociationBasis[];
  onChange: (value: AssociationBasis[]) => void;
  /** The form says a basis is missing. */
  error: boolean;
  disabled?: boolean;
}

export function AssociationBasisField({ value, onChange, error, disabled = false }: AssociationBasisFieldProps) {
  const { t } = useTranslation(['enforcement', 'policy']);
  return (
    <FormControl component="fieldset" error={error} disabled={disabled}>
      <FormLabel component="legend">{t('accounts.basis')}</FormLabel>
      <FormGroup>
        {ASSOCIATION_BASES.map((basis) => (
          <FormControlLabel
            key={basis}
            label={t(`policy:associationBasis.${basis}`)}
            control={
              <Checkbox
                checked={value.includes(basis)}
                onChange={(event) => onChange(event.target.checked ? [...value, basis] : value.filter((item) => item !== basis))}
              />
            }
          />
        ))}
      </FormGroup>
      <FormHelperText>{error ? t('accounts.basisRequired') : t('accounts.basisHelp')}</FormHelperText>
    </FormControl>
  );
}
