# Idiom seen in: lucidrains/DALLE2-pytorch dalle2_pytorch/trainer.py
# Idiom seen in: lucidrains/DALLE2-pytorch dalle2_pytorch/optimizer.py
# What it reproduces: diffusion-prior trainer with AMP GradScaler, grad clipping and an EMA copy; the optimizer is
# get_optimizer(prior.parameters(), wd=6.02e-2), i.e. AdamW with the ndim < 2 tensors excluded from decay.
import torch
from torch import nn
from torch.cuda.amp import GradScaler, autocast

from dalle2_pytorch import DiffusionPrior, DiffusionPriorNetwork
from dalle2_pytorch.dataloaders import get_reader, make_splits
from ema_pytorch import EMA
from optimizer import get_optimizer


class DiffusionPriorTrainer(nn.Module):
    def __init__(self, diffusion_prior, lr=3e-4, wd=1e-2, eps=1e-6, max_grad_norm=None, amp=False, ema_beta=0.99):
        super().__init__()
        self.diffusion_prior = diffusion_prior
        self.ema_diffusion_prior = EMA(diffusion_prior, beta=ema_beta)
        self.optimizer = get_optimizer(self.diffusion_prior.parameters(), lr=lr, wd=wd, eps=eps)
        self.scaler = GradScaler(enabled=amp)
        self.amp = amp
        self.max_grad_norm = max_grad_norm

    def update(self):
        if self.max_grad_norm is not None:
            self.scaler.unscale_(self.optimizer)
            nn.utils.clip_grad_norm_(self.diffusion_prior.parameters(), self.max_grad_norm)
        self.scaler.step(self.optimizer)
        self.scaler.update()
        self.optimizer.zero_grad()
        self.ema_diffusion_prior.update()

    def forward(self, *args, **kwargs):
        with autocast(enabled=self.amp):
            loss = self.diffusion_prior(*args, **kwargs)
        self.scaler.scale(loss).backward()
        return loss.item()


def main():
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    prior_network = DiffusionPriorNetwork(dim=768, depth=24, dim_head=64, heads=32, normformer=True)
    diffusion_prior = DiffusionPrior(net=prior_network, image_embed_dim=768, timesteps=1000,
                                     cond_drop_prob=0.1, condition_on_text_encodings=False).to(device)
    trainer = DiffusionPriorTrainer(diffusion_prior, lr=1.1e-4, wd=6.02e-2, eps=1e-6, max_grad_norm=0.5, amp=True)
    train_loader, _ = make_splits(get_reader(text_conditioned=False, img_url="embeddings/img_emb",
                                             meta_url="embeddings/metadata"))
    for epoch in range(5):
        for step, (image_embeds, text_embeds) in enumerate(train_loader):
            loss = trainer(image_embed=image_embeds.to(device), text_embed=text_embeds.to(device))
            trainer.update()
            if step % 100 == 0:
                print(f"epoch {epoch} step {step}: loss {loss:.4f}")


if __name__ == "__main__":
    main()
