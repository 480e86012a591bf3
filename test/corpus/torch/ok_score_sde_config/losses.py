# Idiom seen in: yang-song/score_sde_pytorch losses.py
# What it reproduces: get_optimizer(config, params) builds Adam with weight_decay=config.optim.weight_decay,
# which the default config sets to 0. Clean: no decay is applied.
import torch
import torch.optim as optim


def get_optimizer(config, params):
    if config.optim.optimizer == 'Adam':
        optimizer = optim.Adam(params, lr=config.optim.lr, betas=(config.optim.beta1, 0.999), eps=config.optim.eps,
                               weight_decay=config.optim.weight_decay)
    else:
        raise NotImplementedError(f'Optimizer {config.optim.optimizer} not supported yet!')
    return optimizer


def optimization_manager(config):
    def optimize_fn(optimizer, params, step, lr=config.optim.lr, warmup=config.optim.warmup,
                    grad_clip=config.optim.grad_clip):
        if warmup > 0:
            for g in optimizer.param_groups:
                g['lr'] = lr * min(step / warmup, 1.0)
        if grad_clip >= 0:
            torch.nn.utils.clip_grad_norm_(params, max_norm=grad_clip)
        optimizer.step()
    return optimize_fn


def get_sde_loss_fn(sde, train, reduce_mean=True, eps=1e-5):
    def loss_fn(model, batch):
        t = torch.rand(batch.shape[0], device=batch.device) * (sde.T - eps) + eps
        z = torch.randn_like(batch)
        mean, std = sde.marginal_prob(batch, t)
        perturbed = mean + std[:, None, None, None] * z
        score = model(perturbed, t)
        losses = torch.square(score * std[:, None, None, None] + z)
        losses = losses.reshape(losses.shape[0], -1)
        losses = torch.mean(losses, dim=-1) if reduce_mean else 0.5 * torch.sum(losses, dim=-1)
        return torch.mean(losses)
    return loss_fn
