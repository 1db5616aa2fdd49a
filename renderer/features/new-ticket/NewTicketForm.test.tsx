import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDb } from '../../data/app-db';
import { MesaDb } from '../../data/db';
import { renderIn } from '../../testing/render-in';
import { NewTicketForm } from './NewTicketForm';

let db: MesaDb;
beforeEach(async () => {
  db = new MesaDb(`new-ticket-${Math.random()}`);
  setDb(db);
  await db.categories.put({
    id: 'printing',
    name: { es: 'Impresión', en: 'Printing' },
    defaultTeamId: null,
    active: true,
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('NewTicketForm', () => {
  it.each([
    [
      'es',
      'Crear ticket',
      'Nombre del solicitante',
      'Correo del solicitante',
      'Este campo es obligatorio.',
      'Escribe un correo válido, por ejemplo nombre@empresa.com.',
    ],
    [
      'en',
      'Create ticket',
      'Requester name',
      'Requester email',
      'This field is required.',
      'Enter a valid email, for example name@company.com.',
    ],
  ] as const)(
    'explains each missing or wrong field beside it (%s)',
    async (lang, submit, nameLabel, emailLabel, required, invalidEmail) => {
      const onClose = vi.fn();
      renderIn(lang, <NewTicketForm onClose={onClose} />);
      await screen.findByRole('option', { name: lang === 'es' ? 'Impresión' : 'Printing' });
      await userEvent.type(screen.getByLabelText(emailLabel), 'not-an-email');
      await userEvent.click(screen.getByRole('button', { name: submit }));
      expect(screen.getByLabelText(nameLabel)).toHaveAccessibleDescription(required);
      expect(screen.getByLabelText(emailLabel)).toHaveAccessibleDescription(invalidEmail);
      expect(onClose).not.toHaveBeenCalled();
    },
  );
});
