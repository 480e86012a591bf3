# Idiom seen in: kzl/decision-transformer gym/experiment.py
# What it reproduces: experiment(exp_prefix, variant) builds torch.optim.AdamW(model.parameters(),
#   weight_decay=variant['weight_decay']) with the argparse default 1e-4: one decayed group, so the
#   LayerNorm scales, the embeddings' biases and every Linear bias of the Decision Transformer decay too.
import argparse
import pickle
import random

import numpy as np
import torch

from decision_transformer import DecisionTransformer
from training.seq_trainer import SequenceTrainer


def experiment(exp_prefix, variant):
    device = variant.get('device', 'cuda')
    env_name, dataset = variant['env'], variant['dataset']
    state_dim, act_dim, max_ep_len = 11, 3, 1000

    with open(f'data/{env_name}-{dataset}-v2.pkl', 'rb') as f:
        trajectories = pickle.load(f)
    K = variant['K']

    def get_batch(batch_size=256, max_len=K):
        idx = np.random.randint(0, len(trajectories), size=batch_size)
        batch = [trajectories[i] for i in idx]
        s = torch.tensor(np.stack([b['observations'][:max_len] for b in batch]), dtype=torch.float32)
        a = torch.tensor(np.stack([b['actions'][:max_len] for b in batch]), dtype=torch.float32)
        rtg = torch.tensor(np.stack([b['rtg'][:max_len] for b in batch]), dtype=torch.float32)
        t = torch.tensor(np.stack([np.arange(max_len) for _ in batch]), dtype=torch.long)
        return s.to(device), a.to(device), rtg.to(device), t.to(device)

    model = DecisionTransformer(
        state_dim=state_dim,
        act_dim=act_dim,
        max_length=K,
        max_ep_len=max_ep_len,
        hidden_size=variant['embed_dim'],
        n_layer=variant['n_layer'],
        n_head=variant['n_head'],
        n_inner=4 * variant['embed_dim'],
        resid_pdrop=variant['dropout'],
    )
    model = model.to(device=device)

    warmup_steps = variant['warmup_steps']
    optimizer = torch.optim.AdamW(
        model.parameters(),  # expect: WD203
        lr=variant['learning_rate'],
        weight_decay=variant['weight_decay'],
    )
    scheduler = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda steps: min((steps + 1) / warmup_steps, 1))

    trainer = SequenceTrainer(
        model=model,
        optimizer=optimizer,
        batch_size=variant['batch_size'],
        get_batch=get_batch,
        scheduler=scheduler,
        loss_fn=lambda a_hat, a: torch.mean((a_hat - a) ** 2),
    )
    for it in range(variant['max_iters']):
        trainer.train_iteration(num_steps=variant['num_steps_per_iter'], iter_num=it + 1)


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--env', type=str, default='hopper')
    parser.add_argument('--dataset', type=str, default='medium')
    parser.add_argument('--K', type=int, default=20)
    parser.add_argument('--batch_size', type=int, default=64)
    parser.add_argument('--embed_dim', type=int, default=128)
    parser.add_argument('--n_layer', type=int, default=3)
    parser.add_argument('--n_head', type=int, default=1)
    parser.add_argument('--dropout', type=float, default=0.1)
    parser.add_argument('--learning_rate', '-lr', type=float, default=1e-4)
    parser.add_argument('--weight_decay', '-wd', type=float, default=1e-4)
    parser.add_argument('--warmup_steps', type=int, default=10000)
    parser.add_argument('--max_iters', type=int, default=10)
    parser.add_argument('--num_steps_per_iter', type=int, default=10000)
    parser.add_argument('--device', type=str, default='cuda')
    args = parser.parse_args()
    random.seed(0)
    experiment('gym-experiment', variant=vars(args))
