/**
 * A server action as a form component receives it: the page (or a server-component parent) passes it
 * in as a prop, so components never import `app/` (eslint.layers.mjs). The form runs it through
 * `useActionState`; `State` is the form's state, declared beside the component.
 */
export type FormAction<State> = (state: State, formData: FormData) => Promise<State>;
