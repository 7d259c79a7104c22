#!/usr/bin/env python3
"""PyTorch-eager twin of the Java CC-OR-Net (model/.../ccor/CcorBlock + CcorLoss, default options) and of the
plain-MLP reference, for the training-throughput comparison in docs/benchmarks-model.md.

Same shapes and defaults as the Java benchmark: 5 numeric features + 1 categorical (4 levels), encoder 256-128,
K=6 buckets (cascade of 5 stage MLPs of width 64), D1 distillation, GLU over [h; P; e] with a 16-wide bucket
embedding, two pre-activation residual blocks, high-value module (softmax attention, M=2 copies, focal
confidence), log1p residual space, AdamW lr 1e-3 wd 1e-5, value clipping at 5, batch 2048, one thread.

Run: OMP_NUM_THREADS=1 /usr/bin/python3 bench/pytorch_ccor.py 10000 100000 > docs/benchmarks-model-pytorch.md
(Debian: apt-get install python3-torch; PyPI is not reachable here, so Debian's build is the PyTorch there is)
"""
import math
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.set_num_threads(1)
torch.set_num_interop_threads(1)
torch.manual_seed(1)

K, DH, STAGE, DE, M = 6, 128, 64, 16, 2


def synthetic(rows, seed=7):
    g = torch.Generator().manual_seed(seed)
    x = torch.randn(rows, 5, generator=g)
    x[:, :2] = torch.exp(x[:, :2]) * 20
    channel = torch.randint(0, 4, (rows,), generator=g)
    signal = 0.8 * torch.log1p(x[:, 0]) + 0.4 * x[:, 2] - 0.3 * x[:, 3] + 0.5 * (channel == 1)
    payer = torch.rand(rows, generator=g) < torch.sigmoid(signal - 3)
    y = torch.where(payer, torch.exp(1.5 + 0.5 * signal + 0.9 * torch.randn(rows, generator=g)), torch.zeros(rows))
    x[:, :2] = torch.log1p(x[:, :2])
    x = (x - x.mean(0)) / x.std(0)
    return x, channel + 1, y


def buckets_of(y):
    pos = torch.sort(y[y > 1e-6]).values
    cuts = [1e-6] + [pos[int(q * (len(pos) - 1))].item() for q in (0.5, 0.75, 0.9, 0.99)]
    top = pos[int(0.9995 * (len(pos) - 1))].item()
    edges = [0.0] + [math.log1p(c) for c in cuts[1:]] + [math.log1p(top)]
    c = torch.tensor([0.0] + [(edges[i] + edges[i + 1]) / 2 for i in range(K - 1)])
    r = torch.tensor([1e-6] + [max((edges[i + 1] - edges[i]) / 2, 1e-6) for i in range(K - 1)])
    b = torch.zeros_like(y, dtype=torch.long)
    for cut in cuts:
        b += (y > cut).long()
    return b, c, r, cuts


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(5, 2)
        self.mlp = nn.Sequential(nn.Linear(7, 256), nn.ReLU(), nn.Linear(256, 128), nn.ReLU())

    def forward(self, x, cat):
        return self.mlp(torch.cat([x, self.emb(cat)], 1))


class ResBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.norm, self.inner, self.outer = nn.LayerNorm(DH), nn.Linear(DH, DH), nn.Linear(DH, DH)

    def forward(self, u):
        return u + self.outer(F.gelu(self.inner(self.norm(u))))


class CcorNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder = Encoder()
        self.stages = nn.ModuleList([nn.Sequential(nn.Linear(DH if k == 0 else DH + STAGE, STAGE), nn.ReLU())
                                     for k in range(K - 1)])
        self.logits = nn.ModuleList([nn.Linear(STAGE, 1) for _ in range(K - 1)])
        self.bucket_emb = nn.Linear(K, DE, bias=False)
        self.glu_value, self.glu_gate = nn.Linear(DH + K + DE, DH), nn.Linear(DH + K + DE, DH)
        self.res1, self.res2, self.res_out = ResBlock(), ResBlock(), nn.Linear(DH, 1)
        self.att1, self.att2 = nn.Linear(DH, DH), nn.Linear(DH, DH)
        self.reg = nn.Sequential(nn.Linear(DH, 64), nn.ReLU(), nn.Linear(64, 1))
        self.conf = nn.Sequential(nn.Linear(DH, 64), nn.ReLU(), nn.Linear(64, 1))

    def cascade(self, h):
        out, state = [], None
        for stage, logit in zip(self.stages, self.logits):
            state = stage(h if state is None else torch.cat([h, state], 1))
            out.append(logit(state))
        return torch.cat(out, 1)

    def forward(self, x, cat):
        h = self.encoder(x, cat)
        z = self.cascade(h)
        zd = self.cascade(h.detach())
        probs = log_bucket_probs(z).exp().detach()
        zin = torch.cat([h, probs, self.bucket_emb(probs)], 1)
        g = self.glu_value(zin) * torch.sigmoid(self.glu_gate(zin))
        v = torch.tanh(self.res_out(self.res2(self.res1(g)))).squeeze(1)
        hd = h.detach()
        alpha = torch.softmax(self.att2(torch.tanh(self.att1(hd))), 1)
        std = hd.std(0, unbiased=False, keepdim=True)
        noise = torch.randn(hd.shape[0], M, DH)
        aug = (hd * (1 + alpha)).unsqueeze(1) + ((1 - alpha) * std * 0.1).unsqueeze(1) * noise
        flat = aug.reshape(-1, DH)
        return z, zd, v, torch.tanh(self.reg(flat)).reshape(-1, M), self.conf(flat).reshape(-1, M)


def log_bucket_probs(z):
    log_p, log_not = -F.softplus(-z), -F.softplus(z)
    surv = torch.cumsum(log_p, 1)
    return torch.cat([log_not[:, :1], surv[:, :-1] + log_not[:, 1:], surv[:, -1:]], 1)


def ccor_loss(out, y, b, c, r, cuts):
    z, zd, v, yaug, conf = out
    bf = b.float()
    cas = 0
    for k in range(1, K):
        t, m = (bf >= k).float(), (bf >= k - 1).float()
        bce = F.softplus(z[:, k - 1]) - t * z[:, k - 1]
        cas = cas + (bce * m).sum() / m.sum().clamp(min=1)
    q = F.one_hot(b, K).float().mean(0)
    pbar = log_bucket_probs(zd).exp().mean(0)
    distill = (q * ((q + 1e-12).log() - (pbar + 1e-12).log())).sum()
    target = ((torch.log1p(y) - c[b]) / r[b]).clamp(-1, 1)
    payer = (b >= 1).float()
    res = ((v - target) ** 2 * payer).sum() / payer.sum().clamp(min=1)
    pred = log_bucket_probs(z).argmax(1)
    route = ((pred == K - 1) | (b == K - 1)).float().unsqueeze(1)
    aug_value = torch.expm1(yaug * r[K - 1] + c[K - 1])
    rel = (aug_value - y.unsqueeze(1)).abs() / y.unsqueeze(1).clamp(min=cuts[K - 2])
    count = (route.sum() * M).clamp(min=1)
    base = (torch.expm1(v * r[pred] + c[pred]) * (pred >= 1).float()).detach().unsqueeze(1)
    better = ((aug_value - y.unsqueeze(1)).abs() < (base - y.unsqueeze(1)).abs()).float().detach()
    log_pt = better * -F.softplus(-conf) + (1 - better) * -F.softplus(conf)
    alpha = better * 0.25 + (1 - better) * 0.75
    focal = -alpha * (1 - log_pt.exp()) ** 2 * log_pt
    return cas + distill + res + (rel * route).sum() / count + (focal * route).sum() / count


class Mlp(nn.Module):
    def __init__(self):
        super().__init__()
        self.encoder, self.out = Encoder(), nn.Linear(DH, 1)

    def forward(self, x, cat):
        return self.out(self.encoder(x, cat)).squeeze(1)


def samples_per_second(model, loss_fn, x, cat, y, batch=2048):
    opt = torch.optim.AdamW(model.parameters(), lr=1e-3, weight_decay=1e-5)
    order = torch.randperm(len(y))
    start = time.perf_counter()
    for i in range(0, len(y), batch):
        idx = order[i:i + batch]
        opt.zero_grad()
        loss = loss_fn(model(x[idx], cat[idx]), idx)
        loss.backward()
        torch.nn.utils.clip_grad_value_(model.parameters(), 5.0)
        opt.step()
    return len(y) / (time.perf_counter() - start)


def main():
    sizes = [int(s) for s in sys.argv[1:]] or [10_000, 100_000, 1_000_000]
    print("# PyTorch eager reference\n")
    print(f"Generated by `OMP_NUM_THREADS=1 /usr/bin/python3 bench/pytorch_ccor.py {' '.join(sys.argv[1:])}`: "
          f"torch {torch.__version__} (Debian's python3-torch), {torch.get_num_threads()} thread, the twin of the "
          f"Java network and of its plain-MLP reference, one epoch per size, batch 2048. Compare with "
          f"benchmarks-model.md, measured on the same machine.\n")
    print("| rows | PyTorch CC-OR-Net samples/s | PyTorch plain MLP samples/s | ratio |\n|---|---|---|---|")
    for rows in sizes:
        x, cat, y = synthetic(rows)
        b, c, r, cuts = buckets_of(y)
        ccor = samples_per_second(CcorNet(), lambda out, i: ccor_loss(out, y[i], b[i], c, r, cuts), x, cat, y)
        mlp = samples_per_second(Mlp(), lambda out, i: ((out - torch.log1p(y[i])) ** 2).mean(), x, cat, y)
        print(f"| {rows:,} | {ccor:,.0f} | {mlp:,.0f} | {ccor / mlp:.2f} |", flush=True)


if __name__ == "__main__":
    main()
