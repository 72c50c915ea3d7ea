import { applyDecorators, HttpCode, type Type } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiProblems, type ProblemStatus } from './api-problems.js';

type ProblemAnswer = ProblemStatus | [ProblemStatus, string];

/**
 * How an operation is documented: its summary, and the problem answers beyond its kind's usual
 * ones (`also`), or instead of them (`problems`). `outcome` describes the success answer.
 */
export type OperationDoc =
  | string
  | {
      summary: string;
      description?: string;
      outcome?: string;
      also?: ProblemAnswer[];
      problems?: ProblemAnswer[];
    };

/** What a delegate sees of a read it may make, in the words of its operation's description. */
export const DELEGATE_VIEW_RULE = 'A delegate sees only what its participant may see; anything else is 404.';

/** A read a delegate may make too, seeing only what its participant may see. */
export function delegateView(summary: string): OperationDoc {
  return { summary, description: DELEGATE_VIEW_RULE };
}

/*
 * The usual problem answers of each kind of operation: an id in the path can be malformed (400)
 * or invisible (404); a body can be too large (413), not JSON (415) or invalid (422); a write can
 * be refused to a token that may only read (403); a change of state, by the state it finds (409).
 */
const READ_ONE: ProblemAnswer[] = [400, 401, 404];
const READ_PAGE: ProblemAnswer[] = [400, 401, 422, 404];
const READ_INDEX: ProblemAnswer[] = [401, 422];
const CREATE: ProblemAnswer[] = [401, 403, 413, 415, 422, 404];
const CHANGE: ProblemAnswer[] = [400, 401, 403, 404, 413, 415, 422];
const REMOVE: ProblemAnswer[] = [400, 401, 403, 404];
const TRANSITION: ProblemAnswer[] = [400, 401, 403, 404, 409];

/** A `GET` decorator answering 200 with `type`, with `usual` as its problem answers. */
function reads(usual: ProblemAnswer[]): (type: Type<unknown>, doc: OperationDoc) => MethodDecorator {
  return (type, doc) => {
    const { operation, outcome, problems } = parts(doc, usual);
    return applyDecorators(ApiOkResponse({ type, description: outcome }), operation, problems);
  };
}

/** `GET` of one resource: 200 with `type`. */
export const ReadsOne = reads(READ_ONE);

/** `GET` of a page under an id in the path: 200 with `type`, a page with `items` and `nextCursor`. */
export const ReadsPage = reads(READ_PAGE);

/** `GET` of a page of a top-level collection, its index (no id in the path): 200 with `type`. */
export const ReadsIndex = reads(READ_INDEX);

/** `POST` that creates a resource: 201 with `type`. */
export function Creates(type: Type<unknown>, doc: OperationDoc): MethodDecorator {
  const { operation, outcome, problems } = parts(doc, CREATE);
  return applyDecorators(ApiCreatedResponse({ type, description: outcome }), operation, problems);
}

/** `PATCH`, `PUT` or an action `POST` that changes a resource: 200 with `type`. */
export const Changes = changes(CHANGE);

/** An action `POST` without a body that moves a resource to another state: 200 with `type`. */
export const Transitions = changes(TRANSITION);

/** A decorator of a write answering 200 with `type`, with `usual` as its problem answers. */
function changes(usual: ProblemAnswer[]): (type: Type<unknown>, doc: OperationDoc) => MethodDecorator {
  return (type, doc) => {
    const { operation, outcome, problems } = parts(doc, usual);
    return applyDecorators(HttpCode(200), ApiOkResponse({ type, description: outcome }), operation, problems);
  };
}

/** `DELETE` (or a removing `POST`): 204 with no body. */
export function Removes(doc: OperationDoc): MethodDecorator {
  const { operation, outcome, problems } = parts(doc, REMOVE);
  return applyDecorators(
    HttpCode(204),
    ApiNoContentResponse({ description: outcome ?? 'Removed' }),
    operation,
    problems,
  );
}

function parts(doc: OperationDoc, usual: ProblemAnswer[]) {
  const {
    summary,
    description,
    outcome,
    also = [],
    problems,
  } = typeof doc === 'string' ? { summary: doc } : doc;
  const answers = problems ?? mergeAnswers(usual, also);
  return {
    operation: ApiOperation(description === undefined ? { summary } : { summary, description }),
    outcome,
    problems: ApiProblems(...answers),
  };
}

/** The usual answers with `also` added; an answer of `also` for a usual status replaces it. */
function mergeAnswers(usual: ProblemAnswer[], also: ProblemAnswer[]): ProblemAnswer[] {
  const statusOf = (answer: ProblemAnswer) => (Array.isArray(answer) ? answer[0] : answer);
  const added = new Set(also.map(statusOf));
  return [...usual.filter((answer) => !added.has(statusOf(answer))), ...also];
}
