# Idiom seen in: XPixelGroup/BasicSR options/train/EDSR/train_EDSR_Mx4.yml (the `train:` block consumed by
#   SRModel.init_training_settings / setup_optimizers; the model classes are written here after BasicSR's)
# What it reproduces: BaseModel.get_optimizer(optim_type, params, lr, **kwargs) dispatching on the type string,
#   SRModel.setup_optimizers popping 'type' from train_opt['optim_g'] and forwarding the rest (weight_decay,
#   betas) as keyword arguments; optimize_parameters with an L1 pixel loss.
# label-note: clean. The only options file gives Adam weight_decay 0 (no WD202/WD203), and the L1 pixel loss is
#   not a parameter penalty.
import torch

from registry import ARCH_REGISTRY, MODEL_REGISTRY


class BaseModel:
    def __init__(self, opt):
        self.opt = opt
        self.device = torch.device("cuda" if opt["num_gpu"] != 0 else "cpu")
        self.is_train = True
        self.optimizers, self.schedulers = [], []

    def get_optimizer(self, optim_type, params, lr, **kwargs):
        if optim_type == "Adam":
            optimizer = torch.optim.Adam(params, lr, **kwargs)
        elif optim_type == "AdamW":
            optimizer = torch.optim.AdamW(params, lr, **kwargs)
        elif optim_type == "SGD":
            optimizer = torch.optim.SGD(params, lr, **kwargs)
        else:
            raise NotImplementedError(f"optimizer {optim_type} is not supported yet.")
        return optimizer


@MODEL_REGISTRY.register()
class SRModel(BaseModel):
    def __init__(self, opt):
        super().__init__(opt)
        net_opt = dict(opt["network_g"])
        self.net_g = ARCH_REGISTRY.get(net_opt.pop("type"))(**net_opt).to(self.device)
        if self.is_train:
            self.init_training_settings()

    def init_training_settings(self):
        self.net_g.train()
        train_opt = self.opt["train"]
        self.cri_pix = torch.nn.L1Loss(reduction=train_opt["pixel_opt"]["reduction"])
        self.setup_optimizers()
        sched = dict(train_opt["scheduler"])
        sched.pop("type")
        self.schedulers.append(torch.optim.lr_scheduler.MultiStepLR(self.optimizer_g, **sched))

    def setup_optimizers(self):
        train_opt = self.opt["train"]
        optim_params = [v for k, v in self.net_g.named_parameters() if v.requires_grad]
        optim_type = train_opt["optim_g"].pop("type")
        self.optimizer_g = self.get_optimizer(optim_type, optim_params, **train_opt["optim_g"])
        self.optimizers.append(self.optimizer_g)

    def optimize_parameters(self, lq, gt):
        self.optimizer_g.zero_grad()
        output = self.net_g(lq.to(self.device))
        l_pix = self.cri_pix(output, gt.to(self.device))
        l_pix.backward()
        self.optimizer_g.step()
        for scheduler in self.schedulers:
            scheduler.step()
        return {"l_pix": l_pix.item()}
