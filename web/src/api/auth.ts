import { api } from './client';
import type { User } from './types';

export type LoginResponse = { token: string; csrfToken: string; user: User };
export type MeResponse = { user: User; csrfToken: string };

export const login = (username: string, password: string) =>
  api<LoginResponse>('/api/auth/login', { method: 'POST', body: { username, password } });

export const fetchMe = () => api<MeResponse>('/api/auth/me');

export const logout = () => api<void>('/api/auth/logout', { method: 'POST' });

export const changePassword = (currentPassword: string, newPassword: string) =>
  api<void>('/api/auth/password', { method: 'POST', body: { currentPassword, newPassword } });
