import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const tsx = join(root, 'node_modules', '.bin', 'tsx');

function start(args: string[] = []): Promise<{ child: ChildProcess; info: any; output: () => string }> {
	const child = spawn(tsx, [join(root, 'scripts', 'simulator.ts'), ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error(`simulator CLI did not start: ${output}`)), 20_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			const line = output.split('\n').find((l) => l.startsWith('SIMULATOR_READY '));
			if (line) {
				clearTimeout(timer);
				resolve({ child, info: JSON.parse(line.slice('SIMULATOR_READY '.length)), output: () => output });
			}
		};
		child.stdout?.on('data', onData);
		child.stderr?.on('data', onData);
		child.on('exit', (code) => reject(new Error(`simulator CLI exited early (${code}): ${output}`)));
	});
}

function exited(child: ChildProcess): Promise<number | null> {
	return new Promise((resolve) => {
		if (child.exitCode !== null) resolve(child.exitCode);
		else child.on('exit', (code) => resolve(code));
	});
}

describe('scripts/simulator.ts', () => {
	jest.setTimeout(30_000);

	it('prints URLs and credentials, serves on 127.0.0.1, and stops on SIGTERM to its pid', async () => {
		const { child, info, output } = await start(['--port', '0', '--large-rows', '3000']);
		expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(output()).toContain(info.credentials.brevo.apiKey);
		expect(output()).toContain(info.credentials.zoom.clientSecret);
		const reply = await fetch(`${info.brevoApiBaseUrl}/account`, { headers: { 'api-key': info.credentials.brevo.apiKey } });
		expect(reply.status).toBe(200);

		process.kill(info.pid, 'SIGTERM');
		expect(await exited(child)).toBe(0);
		await expect(fetch(`${info.url}/brevo/v3/account`)).rejects.toThrow();
	});

	it('stops on SIGINT too', async () => {
		const { child, info } = await start();
		process.kill(info.pid, 'SIGINT');
		expect(await exited(child)).toBe(0);
		await expect(fetch(`${info.url}/brevo/v3/account`)).rejects.toThrow();
	});
});
