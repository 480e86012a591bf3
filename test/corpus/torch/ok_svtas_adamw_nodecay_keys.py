# Idiom seen in: Thinksky5124/SVTAS config/_base_/schedules/optimizer/adamw.py
# What it reproduces: an AdamWOptimizer(torch.optim.AdamW) that builds its groups from no_decay_key
# (biases and norm layers excluded) and a finetuning key with a scaled lr. Decoupled decay on kernels. Clean.
import torch

OPTIMIZER = dict(
    name="AdamWOptimizer",
    learning_rate=0.0005,
    weight_decay=0.01,
    betas=(0.9, 0.999),
    finetuning_scale_factor=0.1,
    no_decay_key=['bias', 'norm', 'bn'],
    finetuning_key=['backbone'],
)


class AdamWOptimizer(torch.optim.AdamW):
    def __init__(self, model, learning_rate=0.001, betas=(0.9, 0.999), weight_decay=0.01,
                 finetuning_scale_factor=0.1, no_decay_key=(), finetuning_key=(), **kwargs):
        decay, no_decay, ft_decay, ft_no_decay = [], [], [], []
        for name, param in model.named_parameters():
            if not param.requires_grad:
                continue
            skip = param.ndim <= 1 or any(k in name for k in no_decay_key)
            ft = any(k in name for k in finetuning_key)
            if ft:
                (ft_no_decay if skip else ft_decay).append(param)
            else:
                (no_decay if skip else decay).append(param)
        ft_lr = learning_rate * finetuning_scale_factor
        params = [
            {'params': decay, 'weight_decay': weight_decay},
            {'params': no_decay, 'weight_decay': 0.0},
            {'params': ft_decay, 'weight_decay': weight_decay, 'lr': ft_lr},
            {'params': ft_no_decay, 'weight_decay': 0.0, 'lr': ft_lr},
        ]
        super().__init__(params, lr=learning_rate, betas=betas)


def train(model, loader, epochs=50):
    cfg = dict(OPTIMIZER)
    cfg.pop('name')
    optimizer = AdamWOptimizer(model, **cfg)
    for _ in range(epochs):
        for feats, labels in loader:
            loss = torch.nn.functional.cross_entropy(model(feats), labels)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == '__main__':
    from svtas.model import build_model
    from svtas.loader import build_dataloader
    train(build_model('asformer', num_classes=48), build_dataloader('gtea', split=1, batch_size=1))
