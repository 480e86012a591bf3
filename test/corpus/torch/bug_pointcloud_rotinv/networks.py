# Idiom seen in: CentauriStar/Rotation-Invariant-Point-Cloud-Analysis Networks/scan_model.py
# Idiom seen in: CentauriStar/Rotation-Invariant-Point-Cloud-Analysis cls_trainer.py
# What it reproduces: the classification network the trainer decays; it has Conv1d/Linear biases
#   and BatchNorm1d scales, so an optimizer given all of its parameters decays those too.
import torch
import torch.nn as nn
import torch.nn.functional as F


def knn_feature(x, k):
    # x: (B, C, N) -> edge features (B, 2C, N, k)
    inner = -2 * torch.matmul(x.transpose(2, 1), x)
    xx = torch.sum(x ** 2, dim=1, keepdim=True)
    dist = -xx - inner - xx.transpose(2, 1)
    idx = dist.topk(k=k, dim=-1)[1]
    b, c, n = x.shape
    base = torch.arange(0, b, device=x.device).view(-1, 1, 1) * n
    idx = (idx + base).view(-1)
    feat = x.transpose(2, 1).contiguous().view(b * n, -1)[idx].view(b, n, k, c)
    center = x.transpose(2, 1).unsqueeze(2).expand(-1, -1, k, -1)
    return torch.cat([feat - center, center], dim=3).permute(0, 3, 1, 2)


class scan_clsNet(nn.Module):
    def __init__(self, opt):
        super().__init__()
        self.k = opt.k
        in_ch = 6 if opt.with_norm else 3
        self.edge1 = nn.Sequential(nn.Conv2d(2 * in_ch, 64, 1, bias=False), nn.BatchNorm2d(64), nn.LeakyReLU(0.2))
        self.edge2 = nn.Sequential(nn.Conv2d(128, 128, 1, bias=False), nn.BatchNorm2d(128), nn.LeakyReLU(0.2))
        self.fuse = nn.Sequential(nn.Conv1d(192, 1024, 1, bias=False), nn.BatchNorm1d(1024), nn.LeakyReLU(0.2))
        self.head = nn.Sequential(
            nn.Linear(2048, 512, bias=False), nn.BatchNorm1d(512), nn.LeakyReLU(0.2), nn.Dropout(opt.dp),
            nn.Linear(512, 256), nn.BatchNorm1d(256), nn.LeakyReLU(0.2), nn.Dropout(opt.dp),
            nn.Linear(256, opt.output_channels),
        )

    def forward(self, data, training=True):
        x = data.pos.view(-1, data.num_points, data.pos.size(-1)).transpose(1, 2)
        x1 = self.edge1(knn_feature(x, self.k)).max(dim=-1)[0]
        x2 = self.edge2(knn_feature(x1, self.k)).max(dim=-1)[0]
        x = self.fuse(torch.cat([x1, x2], dim=1))
        x = torch.cat([F.adaptive_max_pool1d(x, 1).squeeze(-1), F.adaptive_avg_pool1d(x, 1).squeeze(-1)], dim=1)
        return self.head(x)
