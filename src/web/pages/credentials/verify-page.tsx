import { Alert, Button, Card, Group, Input, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type ChangeEvent, type FormEvent } from 'react';
import { verifyCredentialJwt } from '../../api/credentials';
import { ProblemAlert } from '../../components/problem-alert';
import { StatusText } from '../../components/status';
import {
  checkJwtFile,
  checkPastedJwt,
  FILE_LABEL,
  JWT_FILE_ACCEPT,
  JWT_FILE_MAX_BYTES,
  PASTE_LABEL,
  verifyRefusal,
} from '../../credentials/jwt-input';
import { VerificationResult } from '../../credentials/verification-result';
import { formatBytes } from '../../format';
import { PublicLayout } from '../../layout/public-layout';

/**
 * Anyone verifies a credential they were given as a file or as text: a VC-JWT of this
 * installation or of another issuer whose keys can be fetched. The file is read here, in the
 * browser, and sent as text.
 */
export function VerifyPage() {
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | undefined>();
  const [fileError, setFileError] = useState<string | undefined>();
  const [read, setRead] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const verify = useMutation({
    mutationFn: verifyCredentialJwt,
    onSuccess: () => requestAnimationFrame(() => resultRef.current?.focus()),
  });
  const refusal = verifyRefusal(verify.error);

  async function chooseFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.currentTarget.files?.[0];
    setRead('');
    setFileError(undefined);
    if (!file) return;
    const problem = checkJwtFile(file);
    if (problem) {
      setFileError(problem);
      event.currentTarget.value = '';
      fileRef.current?.focus();
      return;
    }
    setText(await file.text());
    setTextError(undefined);
    verify.reset();
    setRead(`Read ${file.name} (${formatBytes(file.size)}). Verify it with the button below.`);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkPastedJwt(text);
    setTextError(checked.problem ?? undefined);
    if (checked.jwt === null) {
      textRef.current?.focus();
      return;
    }
    verify.mutate(checked.jwt);
  }

  return (
    <PublicLayout maw={760}>
      <Stack gap="lg">
        <div>
          <Title order={1} size="h2">
            Verify a credential
          </Title>
          <Text size="sm" c="dimmed">
            Paste a credential (a VC-JWT, the text of a .jwt file) or choose its file: its signature, issuer, dates and status are
            checked now. Nothing you verify is kept.
          </Text>
        </div>
        <Card withBorder padding="md">
          <form onSubmit={submit} noValidate aria-label="Verify a credential">
            <Stack gap="sm">
              <Textarea
                ref={textRef}
                label={PASTE_LABEL}
                description="Three parts of letters and digits separated by dots (eyJ...)"
                value={text}
                onChange={(event) => {
                  setText(event.currentTarget.value);
                  setTextError(undefined);
                  setRead('');
                  // The result shown was of the text before.
                  verify.reset();
                }}
                error={textError ?? refusal?.field ?? undefined}
                autosize
                minRows={4}
                maxRows={10}
                spellCheck={false}
                autoComplete="off"
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', wordBreak: 'break-all' } }}
              />
              <Input.Wrapper
                id="credential-file"
                label={FILE_LABEL}
                description={`Or choose a .jwt or text file of at most ${formatBytes(JWT_FILE_MAX_BYTES)}`}
                error={fileError}
              >
                <input
                  ref={fileRef}
                  id="credential-file"
                  type="file"
                  accept={JWT_FILE_ACCEPT}
                  className="file-input"
                  aria-describedby={
                    fileError ? 'credential-file-description credential-file-error' : 'credential-file-description'
                  }
                  aria-invalid={fileError ? true : undefined}
                  onChange={(event) => void chooseFile(event)}
                />
              </Input.Wrapper>
              <StatusText message={read} />
              <Group>
                <Button type="submit" loading={verify.isPending}>
                  Verify
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
        {refusal && !refusal.field && (
          <Alert color="red" title={refusal.title} role="alert">
            {refusal.detail}
          </Alert>
        )}
        {verify.error && !refusal && <ProblemAlert error={verify.error} title="The credential was not verified" />}
        <section ref={resultRef} tabIndex={-1} aria-label="Verification result" style={{ outline: 'none' }}>
          {verify.data && <VerificationResult verification={verify.data} />}
        </section>
      </Stack>
    </PublicLayout>
  );
}
