jest.setTimeout(10 * 60 * 1000);
