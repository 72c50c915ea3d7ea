import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Principal, TokenRole } from './principal.js';

export const PUBLIC_ROUTE = 'quorum:public';
export const ALLOWED_ROLES = 'quorum:roles';

/** The route needs no token (health checks, calendar feeds). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route; others get 403. */
export const Roles = (...roles: TokenRole[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ALLOWED_ROLES, roles);

export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const request = context.switchToHttp().getRequest<{ principal?: Principal }>();
    if (!request.principal) throw new Error('CurrentPrincipal used on a public route');
    return request.principal;
  },
);
