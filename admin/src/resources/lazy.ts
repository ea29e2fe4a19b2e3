import { lazy, type ComponentType } from 'react';

/** Each screen is its own chunk: the sign-in page and the first screen load without the rest. */
export const lazyPage = (load: () => Promise<{ default: ComponentType }>) => lazy(load);
