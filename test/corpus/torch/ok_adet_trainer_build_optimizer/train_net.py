# Idiom seen in: aim-uofa/AdelaiDet tools/train_net.py
# What it reproduces: a DefaultTrainer subclass (constructed from cfg, run through launch(main)) that
#   overrides the build_optimizer classmethod detectron-style: one group per parameter, norm-layer
#   parameters get SOLVER.WEIGHT_DECAY_NORM and biases SOLVER.WEIGHT_DECAY_BIAS (both 0.0), the rest
#   SOLVER.WEIGHT_DECAY; SGD gets no global decay. Clean.
import torch
from detectron2.engine import DefaultTrainer, default_argument_parser, default_setup, launch
from detectron2.solver.build import maybe_add_gradient_clipping

from adet.config import get_cfg
from adet.data.dataset_mapper import DatasetMapperWithBasis
from detectron2.data import build_detection_train_loader


class Trainer(DefaultTrainer):
    @classmethod
    def build_train_loader(cls, cfg):
        mapper = DatasetMapperWithBasis(cfg, True)
        return build_detection_train_loader(cfg, mapper)

    @classmethod
    def build_optimizer(cls, cfg, model):
        norm_module_types = (
            torch.nn.BatchNorm1d, torch.nn.BatchNorm2d, torch.nn.SyncBatchNorm,
            torch.nn.GroupNorm, torch.nn.LayerNorm,
        )
        params = []
        memo = set()
        for module in model.modules():
            for key, value in module.named_parameters(recurse=False):
                if not value.requires_grad or value in memo:
                    continue
                memo.add(value)
                lr = cfg.SOLVER.BASE_LR
                weight_decay = cfg.SOLVER.WEIGHT_DECAY
                if isinstance(module, norm_module_types):
                    weight_decay = cfg.SOLVER.WEIGHT_DECAY_NORM
                elif key == "bias":
                    lr = cfg.SOLVER.BASE_LR * cfg.SOLVER.BIAS_LR_FACTOR
                    weight_decay = cfg.SOLVER.WEIGHT_DECAY_BIAS
                params += [{"params": [value], "lr": lr, "weight_decay": weight_decay}]
        optimizer = torch.optim.SGD(params, cfg.SOLVER.BASE_LR, momentum=cfg.SOLVER.MOMENTUM)
        return maybe_add_gradient_clipping(cfg, optimizer)


def setup(args):
    cfg = get_cfg()
    cfg.merge_from_file(args.config_file)
    cfg.merge_from_list(args.opts)
    cfg.freeze()
    default_setup(cfg, args)
    return cfg


def main(args):
    cfg = setup(args)
    trainer = Trainer(cfg)
    trainer.resume_or_load(resume=args.resume)
    return trainer.train()


if __name__ == "__main__":
    args = default_argument_parser().parse_args()
    launch(main, args.num_gpus, num_machines=args.num_machines, machine_rank=args.machine_rank,
           dist_url=args.dist_url, args=(args,))
