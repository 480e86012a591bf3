# Idiom seen in: facebookresearch/ijepa src/train.py
# Idiom seen in: facebookresearch/ijepa src/helper.py
# What it reproduces: the I-JEPA training loop: weight decay 0.04 -> 0.4 from the config goes to init_opt;
#   each step runs the lr and WD schedulers, predicts target-encoder features, backprops the smooth-L1
#   loss with a bf16 GradScaler, then updates the target encoder by EMA (momentum, not weight decay).
import copy

import torch
import torch.nn.functional as F

import src.models.vision_transformer as vit
from src.datasets.imagenet1k import make_imagenet1k
from src.masks.multiblock import MaskCollator
from src.masks.utils import apply_masks
from helper import init_opt

args = {
    'meta': {'model_name': 'vit_huge', 'pred_depth': 12, 'pred_emb_dim': 384, 'use_bfloat16': True},
    'optimization': {'ema': [0.996, 1.0], 'ipe_scale': 1.0, 'weight_decay': 0.04,
                     'final_weight_decay': 0.4, 'epochs': 300, 'warmup': 40, 'start_lr': 0.0002,
                     'lr': 0.001, 'final_lr': 1.0e-06},
    'data': {'batch_size': 128, 'root_path': '/datasets/', 'image_folder': 'imagenet_full_size/061417/'},
}


def main(args):
    device = torch.device('cuda:0')
    use_bfloat16 = args['meta']['use_bfloat16']
    ema = args['optimization']['ema']
    wd = float(args['optimization']['weight_decay'])
    final_wd = float(args['optimization']['final_weight_decay'])
    num_epochs = args['optimization']['epochs']

    encoder = vit.__dict__[args['meta']['model_name']](img_size=[224], patch_size=14).to(device)
    predictor = vit.__dict__['vit_predictor'](num_patches=encoder.patch_embed.num_patches,
                                              embed_dim=encoder.embed_dim,
                                              predictor_embed_dim=args['meta']['pred_emb_dim'],
                                              depth=args['meta']['pred_depth'],
                                              num_heads=encoder.num_heads).to(device)
    target_encoder = copy.deepcopy(encoder)
    for p in target_encoder.parameters():
        p.requires_grad = False

    mask_collator = MaskCollator(input_size=224, patch_size=14)
    _, loader, sampler = make_imagenet1k(batch_size=args['data']['batch_size'], collator=mask_collator,
                                         root_path=args['data']['root_path'],
                                         image_folder=args['data']['image_folder'])
    ipe = len(loader)

    optimizer, scaler, scheduler, wd_scheduler = init_opt(
        encoder=encoder, predictor=predictor, wd=wd, final_wd=final_wd,
        start_lr=args['optimization']['start_lr'], ref_lr=args['optimization']['lr'],
        final_lr=args['optimization']['final_lr'], iterations_per_epoch=ipe,
        warmup=args['optimization']['warmup'], num_epochs=num_epochs,
        ipe_scale=args['optimization']['ipe_scale'], use_bfloat16=use_bfloat16)

    momentum_scheduler = (ema[0] + i * (ema[1] - ema[0]) / (ipe * num_epochs)
                          for i in range(int(ipe * num_epochs) + 1))

    for epoch in range(num_epochs):
        sampler.set_epoch(epoch)
        for itr, (udata, masks_enc, masks_pred) in enumerate(loader):
            imgs = udata[0].to(device, non_blocking=True)
            masks_enc = [u.to(device, non_blocking=True) for u in masks_enc]
            masks_pred = [u.to(device, non_blocking=True) for u in masks_pred]

            scheduler.step()
            wd_scheduler.step()

            with torch.cuda.amp.autocast(dtype=torch.bfloat16, enabled=use_bfloat16):
                with torch.no_grad():
                    h = target_encoder(imgs)
                    h = F.layer_norm(h, (h.size(-1),))
                    h = apply_masks(h, masks_pred)
                z = predictor(encoder(imgs, masks_enc), masks_enc, masks_pred)
                loss = F.smooth_l1_loss(z, h)

            if use_bfloat16:
                scaler.scale(loss).backward()
                scaler.step(optimizer)
                scaler.update()
            else:
                loss.backward()
                optimizer.step()
            optimizer.zero_grad()

            with torch.no_grad():
                m = next(momentum_scheduler)
                for param_q, param_k in zip(encoder.parameters(), target_encoder.parameters()):
                    param_k.data.mul_(m).add_((1. - m) * param_q.detach().data)


if __name__ == '__main__':
    main(args)
